namespace OneTimeLink;

/// <summary>A link token just issued by <see cref="IOneTimeLinkService.IssueAsync"/>.</summary>
public sealed class IssuedLink
{
    /// <summary>
    /// Creates an issued link. <see cref="IOneTimeLinkService.IssueAsync"/> creates them; applications create them to fake
    /// the service in their own tests.
    /// </summary>
    /// <param name="token">The compact JWS to put in the link.</param>
    /// <param name="tokenId">The token's unique id (<c>jti</c>).</param>
    /// <param name="purpose">The purpose the token is scoped to (<c>pur</c>).</param>
    /// <param name="subject">The subject the token was issued for (<c>sub</c>).</param>
    /// <param name="issuedAt">When the token was issued.</param>
    /// <param name="expiresAt">When the token expires.</param>
    public IssuedLink(string token, string tokenId, string purpose, string subject, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(tokenId);
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(subject);
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
