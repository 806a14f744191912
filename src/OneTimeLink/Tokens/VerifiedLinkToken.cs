namespace OneTimeLink.Tokens;

/// <summary>
/// A token whose signature verified and whose claims passed every check that needs nothing but the clock: what the
/// state and single-use checks still need. <see cref="Result"/> is the success to return, or to fail with.
/// </summary>
internal sealed record VerifiedLinkToken(LinkValidationResult Result, LinkSigningKey Key, string? StateHash, DateTimeOffset UsableUntil)
{
    /// <summary>Gets the verified subject.</summary>
    public string Subject => Result.Subject!;

    /// <summary>Gets the verified token id.</summary>
    public string TokenId => Result.TokenId!;
}
