namespace OneTimeLink.Diagnostics;

/// <summary>Stable snake_case names of <see cref="LinkFailure"/> values for telemetry tags.</summary>
internal static class LinkFailureNames
{
    public static string Of(LinkFailure failure) => failure switch
    {
        LinkFailure.None => "none",
        LinkFailure.Malformed => "malformed",
        LinkFailure.InvalidSignature => "invalid_signature",
        LinkFailure.UnknownKey => "unknown_key",
        LinkFailure.Expired => "expired",
        LinkFailure.NotYetValid => "not_yet_valid",
        LinkFailure.WrongPurpose => "wrong_purpose",
        LinkFailure.WrongIssuer => "wrong_issuer",
        LinkFailure.WrongAudience => "wrong_audience",
        LinkFailure.AlreadyRedeemed => "already_redeemed",
        LinkFailure.StateChanged => "state_changed",
        LinkFailure.StoreUnavailable => "store_unavailable",
        _ => "unknown",
    };
}
