namespace OneTimeLink;

/// <summary>A link token just issued by <see cref="IOneTimeLinkService.IssueAsync"/>.</summary>
public sealed class IssuedLink
{
    internal IssuedLink(string token, string tokenId, string purpose, string subject, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Token = token;
        TokenId = tokenId;
        Purpose = purpose;
        Subject = subject;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the compact JWS to put in the link. URL-safe as it is; never log it.</summary>
    public string Token { get; }

    /// <summary>Gets the token's unique id (the <c>jti</c> claim): safe to log and to store.</summary>
    public string TokenId { get; }

    /// <summary>Gets the purpose the token is scoped to (the <c>pur</c> claim).</summary>
    public string Purpose { get; }

    /// <summary>Gets the subject the token was issued for (the <c>sub</c> claim).</summary>
    public string Subject { get; }

    /// <summary>Gets when the token was issued, to the second.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>Gets when the token expires, to the second. Validation allows <see cref="OneTimeLinkOptions.ClockSkew"/> beyond it.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
