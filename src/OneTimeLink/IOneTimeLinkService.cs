namespace OneTimeLink;

/// <summary>
/// Issues, validates and redeems one-time link tokens: signed, expiring, purpose-scoped tokens
/// for the links in account activation, password reset, magic login or invitation emails.
/// </summary>
/// <remarks>
/// Registered as a thread-safe singleton by <c>AddOneTimeLinks</c>. A bad, expired or replayed token
/// is normal traffic: it is reported through <see cref="LinkValidationResult.Failure"/>, never as an exception.
/// </remarks>
public interface IOneTimeLinkService
{
    /// <summary>Issues a new link token for <paramref name="subject"/> and <paramref name="purpose"/>.</summary>
    /// <param name="purpose">A purpose configured in <see cref="OneTimeLinkOptions.Purposes"/>, such as <c>activate-account</c>.</param>
    /// <param name="subject">Who the link is for, usually a user id. Never put a secret here: the token is signed, not encrypted.</param>
    /// <param name="options">Per-link settings: a shorter lifetime, custom claims.</param>
    /// <param name="cancellationToken">Cancels the state lookup when the purpose binds state.</param>
    /// <returns>The issued token and what it carries.</returns>
    /// <exception cref="ArgumentException">The purpose is not configured, the subject is empty, the lifetime exceeds the purpose's, or a custom claim uses a reserved name.</exception>
    ValueTask<IssuedLink> IssueAsync(string purpose, string subject, LinkIssueOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks everything about <paramref name="token"/> (format, signature, key, issuer, audience, purpose, lifetime
    /// and, for purposes that bind state, the subject's state) but consumes nothing: use it for a landing page.
    /// Whether a single-use token was already redeemed is only known by <see cref="RedeemAsync"/>.
    /// </summary>
    /// <param name="token">The token from the link, exactly as received.</param>
    /// <param name="purpose">The purpose the caller expects the token to have.</param>
    /// <param name="cancellationToken">Cancels the state lookup.</param>
    /// <returns>A successful result with the token's contents, or the first reason it is not acceptable.</returns>
    /// <exception cref="ArgumentException"><paramref name="purpose"/> is not configured.</exception>
    ValueTask<LinkValidationResult> ValidateAsync(string token, string purpose, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks everything <see cref="ValidateAsync"/> checks, then consumes the token atomically when its purpose is
    /// single-use: of any number of concurrent redeems of one token, exactly one succeeds.
    /// </summary>
    /// <param name="token">The token from the link, exactly as received.</param>
    /// <param name="purpose">The purpose the caller expects the token to have.</param>
    /// <param name="cancellationToken">Cancels the state lookup and the redemption store call.</param>
    /// <returns>
    /// A successful result when this call consumed the token; otherwise the reason, such as
    /// <see cref="LinkFailure.AlreadyRedeemed"/> or <see cref="LinkFailure.StoreUnavailable"/>.
    /// A token that fails validation is never consumed.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="purpose"/> is not configured.</exception>
    ValueTask<LinkValidationResult> RedeemAsync(string token, string purpose, CancellationToken cancellationToken = default);
}
