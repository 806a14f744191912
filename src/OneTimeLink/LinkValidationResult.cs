using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace OneTimeLink;

/// <summary>
/// The outcome of <see cref="IOneTimeLinkService.ValidateAsync"/> or <see cref="IOneTimeLinkService.RedeemAsync"/>.
/// </summary>
/// <remarks>
/// A failure found after the signature was verified (<see cref="LinkFailure.Expired"/>, <see cref="LinkFailure.WrongPurpose"/>,
/// <see cref="LinkFailure.AlreadyRedeemed"/>, <see cref="LinkFailure.StateChanged"/>, …) still carries the verified
/// <see cref="Subject"/>, <see cref="TokenId"/> and <see cref="ExpiresAt"/>, so the caller can offer a new link or say
/// "already done". Before that (<see cref="LinkFailure.Malformed"/>, <see cref="LinkFailure.InvalidSignature"/>,
/// <see cref="LinkFailure.UnknownKey"/>) nothing in the token can be trusted and they are <see langword="null"/>.
/// </remarks>
public sealed class LinkValidationResult
{
    private static readonly IReadOnlyDictionary<string, string> s_noData = new Dictionary<string, string>(0);

    private LinkValidationResult(
        LinkFailure failure,
        string? subject,
        string? purpose,
        string? tokenId,
        DateTimeOffset? issuedAt,
        DateTimeOffset? expiresAt,
        IReadOnlyDictionary<string, string> data)
    {
        Failure = failure;
        Subject = subject;
        Purpose = purpose;
        TokenId = tokenId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Data = data;
    }

    /// <summary>Gets a value indicating whether the token was accepted (and, for a redeem, consumed by this call).</summary>
    [MemberNotNullWhen(true, nameof(Subject), nameof(Purpose), nameof(TokenId), nameof(ExpiresAt))]
    public bool Succeeded => Failure == LinkFailure.None;

    /// <summary>Gets why the token was not accepted, or <see cref="LinkFailure.None"/> when it was.</summary>
    public LinkFailure Failure { get; }

    /// <summary>Gets the verified subject (<c>sub</c>), or <see langword="null"/> when the signature was not verified.</summary>
    public string? Subject { get; }

    /// <summary>Gets the verified purpose (<c>pur</c>) the token carries, or <see langword="null"/> when the signature was not verified.</summary>
    public string? Purpose { get; }

    /// <summary>Gets the verified token id (<c>jti</c>), or <see langword="null"/> when the signature was not verified.</summary>
    public string? TokenId { get; }

    /// <summary>Gets when the token was issued (<c>iat</c>), when verified and present.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>Gets when the token expires (<c>exp</c>), or <see langword="null"/> when the signature was not verified.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Gets the custom string claims the token was issued with (<see cref="LinkIssueOptions.Data"/>); empty when none or not verified.</summary>
    public IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>Creates a result for an accepted token.</summary>
    /// <param name="subject">The verified subject.</param>
    /// <param name="purpose">The verified purpose.</param>
    /// <param name="tokenId">The verified token id.</param>
    /// <param name="issuedAt">When the token was issued, if it says.</param>
    /// <param name="expiresAt">When the token expires.</param>
    /// <param name="data">The custom string claims, if any.</param>
    /// <returns>A successful result.</returns>
    public static LinkValidationResult Success(
        string subject,
        string purpose,
        string tokenId,
        DateTimeOffset? issuedAt,
        DateTimeOffset expiresAt,
        IReadOnlyDictionary<string, string>? data = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(tokenId);
        return new LinkValidationResult(LinkFailure.None, subject, purpose, tokenId, issuedAt, expiresAt, data ?? s_noData);
    }

    /// <summary>Creates a result for a token whose signature could not be verified, so none of its contents are reported.</summary>
    /// <param name="failure">Why the token was not accepted; not <see cref="LinkFailure.None"/>.</param>
    /// <returns>A failed result.</returns>
    public static LinkValidationResult Failed(LinkFailure failure)
    {
        if (failure == LinkFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failed result needs a failure other than None.");
        }

        return new LinkValidationResult(failure, null, null, null, null, null, s_noData);
    }

    /// <summary>Creates a failed result that keeps this result's verified contents.</summary>
    internal LinkValidationResult WithFailure(LinkFailure failure)
    {
        Debug.Assert(failure != LinkFailure.None, "A failure is expected.");
        return new LinkValidationResult(failure, Subject, Purpose, TokenId, IssuedAt, ExpiresAt, Data);
    }
}
