using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// One row of the outcome table: everything an answer needs — status, stable <c>code</c>, the built-in words, whether
/// a new link is offered — in one place. Each outcome is an instance built with all of them, so a new outcome cannot
/// fall through to another's answer. In the shared rows' words <c>{0}</c> is the flow's link noun ("activation link").
/// </summary>
internal sealed class LinkOutcome
{
    public static readonly LinkOutcome LinkInvalid = new(
        "link_invalid",
        StatusCodes.Status400BadRequest,
        "This {0} is not valid",
        "Open the link exactly as it arrived in the email, or ask for a new one.");

    public static readonly LinkOutcome LinkExpired = new(
        "link_expired",
        StatusCodes.Status410Gone,
        "This {0} has expired",
        "Links work for a limited time. Ask for a new one with your email address.",
        offersNewLink: true);

    public static readonly LinkOutcome LinkUsed = new(
        "link_used",
        StatusCodes.Status410Gone,
        "This {0} was already used",
        "Each link works once. Ask for a new one with your email address.",
        offersNewLink: true);

    public static readonly LinkOutcome LinkRevoked = new(
        "link_revoked",
        StatusCodes.Status410Gone,
        "This {0} no longer works",
        "A newer link was sent, or the account changed since: use the most recent email, or ask for a new link.",
        offersNewLink: true);

    public static readonly LinkOutcome StoreUnavailable = new(
        "store_unavailable",
        StatusCodes.Status503ServiceUnavailable,
        "We could not finish this right now",
        "Please try again in a few minutes: your link still works.");

    /// <summary>The link was used up but its action failed, in a flow that cannot retry it with the same link.</summary>
    public static readonly LinkOutcome ActionFailed = new(
        "store_unavailable",
        StatusCodes.Status503ServiceUnavailable,
        "We could not finish this right now",
        "Nothing happened, but this link is spent: please ask for a new one in a few minutes.",
        offersNewLink: true);

    /// <summary>A request could not be queued: everyone is answered alike, so it says nothing about the account.</summary>
    public static readonly LinkOutcome Busy = new(
        "busy",
        StatusCodes.Status503ServiceUnavailable,
        "We are busy right now",
        "Nothing was sent. Please try again in a minute.");

    public LinkOutcome(string code, int statusCode, string title, string detail, bool offersNewLink = false)
    {
        Code = code;
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        OffersNewLink = offersNewLink;
    }

    /// <summary>Gets the stable code: the JSON <c>status</c> of a success, the problem's <c>code</c> otherwise.</summary>
    public string Code { get; }

    public int StatusCode { get; }

    /// <summary>Gets whether the flow's action is done (a 2xx answer, a JSON <c>status</c>) rather than refused (a problem).</summary>
    public bool Succeeded => StatusCode < 300;

    public string Title { get; }

    public string Detail { get; }

    /// <summary>Gets whether the link was genuine but can no longer be used, so the answer points to a new one.</summary>
    public bool OffersNewLink { get; }

    /// <summary>The outcome of a link the core refused, before any flow-specific reading of it.</summary>
    public static LinkOutcome Of(LinkFailure failure) => failure switch
    {
        LinkFailure.Expired => LinkExpired,
        LinkFailure.AlreadyRedeemed => LinkUsed,
        LinkFailure.StateChanged => LinkRevoked,
        LinkFailure.StoreUnavailable => StoreUnavailable,
        _ => LinkInvalid,
    };

    public string TitleFor(string linkNoun) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Title, linkNoun);
}
