using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>How each <see cref="ActivationOutcome"/> is answered: status code, stable <c>code</c>, and words for a person.</summary>
internal static class ActivationOutcomes
{
    public static ActivationOutcome FromFailure(LinkFailure failure) => failure switch
    {
        LinkFailure.Expired => ActivationOutcome.LinkExpired,
        LinkFailure.AlreadyRedeemed => ActivationOutcome.LinkUsed,
        LinkFailure.StateChanged => ActivationOutcome.LinkRevoked,
        LinkFailure.StoreUnavailable => ActivationOutcome.StoreUnavailable,
        _ => ActivationOutcome.LinkInvalid,
    };

    /// <summary>Whether a link that failed this way may have been meant for an account that is active by now.</summary>
    public static bool MayBeAlreadyActive(LinkFailure failure) =>
        failure is LinkFailure.Expired or LinkFailure.AlreadyRedeemed or LinkFailure.StateChanged;

    /// <summary>Whether the answer offers a new link: the link was genuine but can no longer be used.</summary>
    public static bool OffersResend(ActivationOutcome outcome) =>
        outcome is ActivationOutcome.LinkExpired or ActivationOutcome.LinkUsed or ActivationOutcome.LinkRevoked;

    public static int StatusCode(ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated or ActivationOutcome.AlreadyActive => StatusCodes.Status200OK,
        ActivationOutcome.LinkInvalid => StatusCodes.Status400BadRequest,
        ActivationOutcome.StoreUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status410Gone,
    };

    public static string Code(ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated => "activated",
        ActivationOutcome.AlreadyActive => "already_active",
        ActivationOutcome.LinkInvalid => "link_invalid",
        ActivationOutcome.LinkExpired => "link_expired",
        ActivationOutcome.LinkUsed => "link_used",
        ActivationOutcome.LinkRevoked => "link_revoked",
        _ => "store_unavailable",
    };

    public static string Title(ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated => "Your account is active",
        ActivationOutcome.AlreadyActive => "Your account is already active",
        ActivationOutcome.LinkInvalid => "This activation link is not valid",
        ActivationOutcome.LinkExpired => "This activation link has expired",
        ActivationOutcome.LinkUsed => "This activation link was already used",
        ActivationOutcome.LinkRevoked => "This activation link was replaced",
        _ => "Activation is unavailable right now",
    };

    public static string Detail(ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Activated => "You can sign in now.",
        ActivationOutcome.AlreadyActive => "There is nothing more to do: you can sign in.",
        ActivationOutcome.LinkInvalid => "Open the link exactly as it arrived in the email, or ask for a new one.",
        ActivationOutcome.LinkExpired => "Activation links work for a limited time. Ask for a new one with your email address.",
        ActivationOutcome.LinkUsed => "Each activation link works once. Ask for a new one with your email address.",
        ActivationOutcome.LinkRevoked => "A newer activation link was sent: use the most recent email, or ask for a new link.",
        _ => "Please try again in a few minutes: your link still works.",
    };
}
