using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// The shared state of pending sign-ins, in the <see cref="ILinkFlowStateStore"/> next to the redemptions, so any
/// instance completes any step. Per request, under its <see cref="SignInRequest.Key"/>:
/// <list type="bullet">
/// <item><c>sign-in:{key}</c> — written once when the mail goes out: the link's token id, the code's keyed hash and the
/// token encrypted (AES-GCM) with a key only the asking browser's cookie can derive.</item>
/// <item><c>sign-in:{key}:approval</c> — the link's token id and user id, set when the link is confirmed in another browser, taken once.</item>
/// <item><c>sign-in:{key}:attempts</c> — the code attempts, counted atomically before each code is checked.</item>
/// </list>
/// Each lives until the request's links stop validating on any instance's clock (expiry plus the clock skew).
/// </summary>
internal sealed class PendingSignIns(ILinkFlowStateStore store, IRedemptionStore redemptions, IOptionsMonitor<OneTimeLinkOptions> links, TimeProvider timeProvider)
{
    /// <summary>The code attempts a request allows; the last wrong one ends it.</summary>
    public const int MaxCodeAttempts = 5;

    private const string KeyPrefix = "sign-in:";
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const char Separator = '.';

    /// <summary>Keeps the credential of a request whose mail is going out.</summary>
    public async ValueTask SaveAsync(SignInRequest request, string tokenId, string token, string code, CancellationToken cancellationToken)
    {
        byte[] plaintext = Encoding.UTF8.GetBytes(token);
        byte[] sealedToken = new byte[NonceLength + plaintext.Length + TagLength];
        Span<byte> nonce = sealedToken.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(request.TokenKey(), TagLength))
        {
            aes.Encrypt(nonce, plaintext, sealedToken.AsSpan(NonceLength, plaintext.Length), sealedToken.AsSpan(NonceLength + plaintext.Length));
        }

        string record = string.Join(
            Separator,
            tokenId,
            Base64Url.EncodeToString(SignInCode.Hash(request.CodeKey(), code)),
            Base64Url.EncodeToString(sealedToken));
        await store.TrySetAsync(RecordKey(request.Key), record, LifetimeOf(request.ExpiresAt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approves the request with <paramref name="requestKey"/>: its browser signs in on its next status.</summary>
    public ValueTask<bool> ApproveAsync(string requestKey, SignInApproval approval, DateTimeOffset linkExpiresAt, CancellationToken cancellationToken) =>
        store.TrySetAsync(ApprovalKey(requestKey), approval.ToString(), LifetimeOf(linkExpiresAt), cancellationToken);

    /// <summary>Takes the request's approval, once: who to sign in, or null while there is none.</summary>
    public async ValueTask<SignInApproval?> TakeApprovalAsync(SignInRequest request, CancellationToken cancellationToken) =>
        SignInApproval.Parse(await store.TakeAsync(ApprovalKey(request.Key), cancellationToken).ConfigureAwait(false));

    /// <summary>Counts one code attempt and says which it is; past <see cref="MaxCodeAttempts"/> no code is checked any more.</summary>
    public ValueTask<long> CountCodeAttemptAsync(SignInRequest request, CancellationToken cancellationToken) =>
        store.IncrementAsync(AttemptsKey(request.Key), LifetimeOf(request.ExpiresAt), cancellationToken);

    /// <summary>Whether the request with <paramref name="requestKey"/> used up its code attempts, which ended it and its link.</summary>
    public async ValueTask<bool> IsExhaustedAsync(string requestKey, CancellationToken cancellationToken) =>
        long.TryParse(await store.GetAsync(AttemptsKey(requestKey), cancellationToken).ConfigureAwait(false), NumberStyles.None, CultureInfo.InvariantCulture, out long attempts)
        && attempts >= MaxCodeAttempts;

    /// <summary>The request's credential as kept: null when no mail went out for it (no such active account, or not yet).</summary>
    public async ValueTask<PendingCredential?> FindAsync(SignInRequest request, CancellationToken cancellationToken) =>
        PendingCredential.Parse(await store.GetAsync(RecordKey(request.Key), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Ends the request's link with its last code attempt by recording its redemption, as using it would. A request that
    /// mailed nothing records a throwaway id instead, so the last attempt costs the same whether or not an account exists.
    /// </summary>
    public async ValueTask RevokeAsync(SignInRequest request, PendingCredential? credential, CancellationToken cancellationToken) =>
        await redemptions.TryRedeemAsync(credential?.TokenId ?? KeyPrefix + request.Key, LinkValidUntil(request.ExpiresAt), cancellationToken).ConfigureAwait(false);

    /// <summary>The token, when <paramref name="code"/> is the request's code; null otherwise, in the same time whichever way it is wrong.</summary>
    public static string? Open(SignInRequest request, PendingCredential? credential, string? code)
    {
        if (credential is null || code is null || !SignInCode.Matches(request.CodeKey(), code, credential.CodeHash))
        {
            return null;
        }

        ReadOnlySpan<byte> sealedToken = credential.SealedToken;
        byte[] plaintext = new byte[sealedToken.Length - NonceLength - TagLength];
        using var aes = new AesGcm(request.TokenKey(), TagLength);
        aes.Decrypt(sealedToken[..NonceLength], sealedToken[NonceLength..^TagLength], sealedToken[^TagLength..], plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    private static string RecordKey(string requestKey) => KeyPrefix + requestKey;

    private static string ApprovalKey(string requestKey) => KeyPrefix + requestKey + ":approval";

    private static string AttemptsKey(string requestKey) => KeyPrefix + requestKey + ":attempts";

    private DateTimeOffset LinkValidUntil(DateTimeOffset expiresAt) => expiresAt + links.CurrentValue.ClockSkew;

    /// <summary>Until the request's links stop validating on every instance's clock; at least a second, as stores require.</summary>
    private TimeSpan LifetimeOf(DateTimeOffset expiresAt)
    {
        TimeSpan left = LinkValidUntil(expiresAt) - timeProvider.GetUtcNow();
        return left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }
}
