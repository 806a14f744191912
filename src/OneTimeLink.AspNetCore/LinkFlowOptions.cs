namespace OneTimeLink.AspNetCore;

/// <summary>Settings every link flow has; each flow's options add their own. Validated when the application starts.</summary>
public abstract class LinkFlowOptions
{
    /// <summary>
    /// Gets or sets the site's public address, such as <c>https://example.com</c> or <c>https://example.com/app/</c>.
    /// Every link is built from it, never from the request's <c>Host</c> or <c>X-Forwarded-Host</c> header, which
    /// anyone can set. It must be absolute, without query or fragment, and use https outside Development.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: required outside Development; in Development links then use the
    /// server's own listening address.
    /// </value>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>Gets or sets where links carry their token.</summary>
    /// <value>The default value is <see cref="LinkTokenPlacement.Query"/>.</value>
    public LinkTokenPlacement TokenPlacement { get; set; } = LinkTokenPlacement.Query;

    /// <summary>Gets or sets the longest email address accepted, in characters.</summary>
    /// <value>The default value is 254, the longest address SMTP can deliver to.</value>
    public int EmailMaxLength { get; set; } = 254;

    /// <summary>
    /// Gets or sets how long after a message to an account this flow sends it no other, whichever flow sent the first:
    /// the throttle is shared by every flow, so no endpoint can be used to flood a mailbox. A throttled request is
    /// answered exactly like any other, so the throttle reveals nothing; <see cref="TimeSpan.Zero"/> turns it off.
    /// Security notices (a password was changed) are never throttled.
    /// </summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan EmailThrottleWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the path on this site where a person signs in, such as <c>/login</c>. When set, the page shown once
    /// the flow is done links to it, so the person can carry on. It must be a local path: it starts with a single <c>/</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the pages show no such link.</value>
    public string? SignInPath { get; set; }
}
