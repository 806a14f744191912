namespace OneTimeLink.AspNetCore;

/// <summary>Where a flow's links carry their token.</summary>
public enum LinkTokenPlacement
{
    /// <summary>In the query string (<c>/account/activate?token=…</c>): the server renders the landing page itself.</summary>
    Query,

    /// <summary>
    /// In the fragment (<c>/account/activate#token=…</c>), which browsers never send to a server, so the token stays out
    /// of server and proxy logs. For a single-page front end that serves the link's page itself and POSTs the token to
    /// the flow's endpoint as JSON; the server-rendered landing page cannot read a fragment.
    /// </summary>
    Fragment,
}
