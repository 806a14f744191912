namespace OneTimeLink;

/// <summary>Why a link token was not accepted.</summary>
public enum LinkFailure
{
    /// <summary>The token was accepted.</summary>
    None,

    /// <summary>The input is not a well-formed link token: wrong shape, too large, not JSON, a missing required claim or the wrong <c>typ</c>.</summary>
    Malformed,

    /// <summary>The signature does not verify, or the token uses an algorithm other than the one its key is pinned to.</summary>
    InvalidSignature,

    /// <summary>The token names a signing key (<c>kid</c>) that is not configured, for example one retired by key rotation.</summary>
    UnknownKey,

    /// <summary>The token's expiry, plus the configured clock skew, has passed.</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> lies in the future beyond the configured clock skew.</summary>
    NotYetValid,

    /// <summary>The token was issued for another purpose than the one asked for.</summary>
    WrongPurpose,

    /// <summary>The token was issued by another issuer.</summary>
    WrongIssuer,

    /// <summary>The token was issued for another audience.</summary>
    WrongAudience,

    /// <summary>The token was already redeemed: links of single-use purposes work once.</summary>
    AlreadyRedeemed,

    /// <summary>The state the token was bound to has changed since it was issued (account activated, password changed, newer link sent).</summary>
    StateChanged,

    /// <summary>The redemption store could not record the redemption, so the token was refused rather than risk a second use.</summary>
    StoreUnavailable,
}
