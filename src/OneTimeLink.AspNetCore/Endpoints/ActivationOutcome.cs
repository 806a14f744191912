namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>What an activation link does, or would do: the answer of the activate endpoints.</summary>
internal enum ActivationOutcome
{
    /// <summary>The link is good (landing page) or has just activated the account (POST).</summary>
    Activated,

    /// <summary>The account the link is for is already active.</summary>
    AlreadyActive,

    /// <summary>Not a usable activation link: malformed, forged, for another purpose, issuer or audience, or not valid yet.</summary>
    LinkInvalid,

    /// <summary>The link expired before the account was activated.</summary>
    LinkExpired,

    /// <summary>The link was redeemed already, but the account is not active.</summary>
    LinkUsed,

    /// <summary>A newer link superseded this one, or the account is gone.</summary>
    LinkRevoked,

    /// <summary>The redemption store could not record the redemption; the link still works later.</summary>
    StoreUnavailable,
}
