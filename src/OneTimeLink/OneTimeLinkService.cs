using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.Configuration;
using OneTimeLink.Diagnostics;
using OneTimeLink.Tokens;

namespace OneTimeLink;

/// <summary>
/// The <see cref="IOneTimeLinkService"/>: settings rebuilt on every options reload, time from <see cref="TimeProvider"/>,
/// and every check of a token in one place, in the documented order (<see cref="Check"/>, then <see cref="EvaluateAsync"/>).
/// </summary>
internal sealed class OneTimeLinkService : IOneTimeLinkService, IDisposable
{
    /// <summary>Results carry nothing before the signature is verified, so one immutable instance per failure serves every call.</summary>
    private static readonly LinkValidationResult[] s_unverified =
        [.. Enum.GetValues<LinkFailure>().Select(f => f == LinkFailure.None ? null! : LinkValidationResult.Failed(f))];

    private static readonly long s_unixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly IDisposable? _reload;
    private readonly IRedemptionStore _redemptionStore;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly OneTimeLinkMetrics _metrics;
    private volatile LinkSettings _settings;

    public OneTimeLinkService(
        IOptionsMonitor<OneTimeLinkOptions> options,
        IRedemptionStore redemptionStore,
        TimeProvider timeProvider,
        IServiceScopeFactory scopeFactory,
        ILogger<OneTimeLinkService> logger,
        OneTimeLinkMetrics metrics)
    {
        _settings = new LinkSettings(options.CurrentValue);

        // The monitor validates a reloaded configuration before it calls back, so an invalid one keeps the last good settings.
        _reload = options.OnChange((reloaded, name) =>
        {
            if (string.IsNullOrEmpty(name))
            {
                _settings = new LinkSettings(reloaded);
            }
        });
        _redemptionStore = redemptionStore;
        _timeProvider = timeProvider;
        _scopeFactory = scopeFactory;
        _logger = logger;
        _metrics = metrics;
    }

    public async ValueTask<IssuedLink> IssueAsync(
        string purpose,
        string subject,
        LinkIssueOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        LinkSettings settings = _settings;
        LinkPurposeSettings purposeSettings = GetPurpose(settings, purpose);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        TimeSpan lifetime = GetLifetime(purposeSettings, options?.Lifetime);
        IReadOnlyDictionary<string, string> data = GetData(options?.Data);

        using Activity? activity = StartActivity("onetimelink.issue", purpose);

        // Whole seconds, so what the caller is told matches what validation will read back from the token; never past
        // the last date a token can name, however long the lifetime.
        long issuedAt = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        long expiresAt = issuedAt + (long)Math.Min(Math.Floor(lifetime.TotalSeconds), LinkTokenFormat.MaximumDate - issuedAt);
        string tokenId = TokenIdGenerator.Next();
        LinkSigningKey key = settings.Keys.Current;

        string? stateHash = purposeSettings.BindState
            ? StateHash.Compute(key, purpose, subject, await GetStateAsync(purpose, subject, cancellationToken).ConfigureAwait(false))
            : null;

        string token = settings.Writer.TryWrite(key, subject, purpose, tokenId, issuedAt, expiresAt, stateHash, data, out int length)
            ?? throw new ArgumentException(
                $"The link token would be {length} characters long, over the limit of {LinkTokenFormat.MaximumTokenLength} that validation accepts: " +
                $"shorten the subject ({subject.Length} characters) or the custom claims in LinkIssueOptions.Data ({data.Count}).",
                data.Count > 0 ? nameof(options) : nameof(subject));

        activity?.SetTag("onetimelink.token_id", tokenId);
        DateTimeOffset expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt);
        Log.LinkIssued(_logger, purpose, tokenId, expires);
        _metrics.Issued(purpose);
        return new IssuedLink(token, tokenId, purpose, subject, DateTimeOffset.FromUnixTimeSeconds(issuedAt), expires);
    }

    public ValueTask<LinkValidationResult> ValidateAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
        CheckAsync(token, purpose, LinkOperation.Validate, cancellationToken);

    public ValueTask<LinkValidationResult> RedeemAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
        CheckAsync(token, purpose, LinkOperation.Redeem, cancellationToken);

    private async ValueTask<LinkValidationResult> CheckAsync(string token, string purpose, LinkOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        LinkSettings settings = _settings;
        LinkPurposeSettings purposeSettings = GetPurpose(settings, purpose);

        using Activity? activity = StartActivity(operation == LinkOperation.Redeem ? "onetimelink.redeem" : "onetimelink.validate", purpose);

        LinkValidationResult result = await EvaluateAsync(token, settings, purposeSettings, operation, cancellationToken).ConfigureAwait(false);

        activity?.SetTag("onetimelink.token_id", result.TokenId);
        if (result.Succeeded)
        {
            if (operation == LinkOperation.Redeem)
            {
                Log.LinkRedeemed(_logger, purpose, result.TokenId);
                _metrics.Redeemed(purpose);
            }
            else
            {
                Log.LinkValidated(_logger, purpose, result.TokenId);
                _metrics.Validated(purpose);
            }
        }
        else
        {
            activity?.SetTag("error.type", LinkFailureNames.Of(result.Failure));
            Log.LinkRejected(_logger, purpose, result.TokenId, result.Failure);
            _metrics.Rejected(purpose, operation, result.Failure);
        }

        return result;
    }

    public void Dispose() => _reload?.Dispose();

    /// <summary>
    /// Checks a token in the documented order; the first failure wins, and nothing is consumed unless every check passed:
    /// 1. size and form, <c>typ</c>, required claims (<see cref="LinkFailure.Malformed"/>); 2. <c>kid</c>
    /// (<see cref="LinkFailure.UnknownKey"/>); 3. <c>alg</c> pinned to the key, and the signature
    /// (<see cref="LinkFailure.InvalidSignature"/>); 4. audience; 5. issuer; 6. purpose; 7. <c>iat</c> and <c>nbf</c>
    /// (<see cref="LinkFailure.NotYetValid"/>); 8. <c>exp</c>, and at most the purpose's current lifetime after
    /// <c>iat</c>, with clock skew (<see cref="LinkFailure.Expired"/>): all in <see cref="Check"/>; then 9. state and
    /// 10. single use here.
    /// </summary>
    private async ValueTask<LinkValidationResult> EvaluateAsync(
        string token,
        LinkSettings settings,
        LinkPurposeSettings purpose,
        LinkOperation operation,
        CancellationToken cancellationToken)
    {
        LinkValidationResult result = Check(token, settings, purpose, _timeProvider.GetUtcNow(), out VerifiedLinkToken? verified);
        if (verified is null)
        {
            return result;
        }

        if (purpose.BindState)
        {
            string? state = await GetStateAsync(purpose.Name, verified.Subject, cancellationToken).ConfigureAwait(false);
            if (!StateHash.Matches(verified.StateHash, StateHash.Compute(verified.Key, purpose.Name, verified.Subject, state)))
            {
                return result.WithFailure(LinkFailure.StateChanged);
            }
        }

        if (operation == LinkOperation.Validate || !purpose.SingleUse)
        {
            return result;
        }

        try
        {
            bool first = await _redemptionStore.TryRedeemAsync(verified.TokenId, verified.UsableUntil, cancellationToken).ConfigureAwait(false);
            return first ? result : result.WithFailure(LinkFailure.AlreadyRedeemed);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Fail closed: whatever went wrong, a token is never accepted without a recorded redemption.
            if (ex is RedemptionStoreUnavailableException)
            {
                // An outage the store reports itself, once; a warning per refused link would flood the log.
                Log.RedemptionStoreUnavailable(_logger, purpose.Name, verified.TokenId, ex);
            }
            else
            {
                Log.RedemptionStoreFailed(_logger, purpose.Name, verified.TokenId, ex);
            }

            return result.WithFailure(LinkFailure.StoreUnavailable);
        }
    }

    /// <summary>
    /// Steps 1 to 8 of <see cref="EvaluateAsync"/>: everything that needs only the token, the settings and the clock.
    /// <paramref name="verified"/> is set when all of them pass. Dates are compared as ticks with saturating sums, so no
    /// date in a token and no configured lifetime or skew can overflow.
    /// </summary>
    private static LinkValidationResult Check(string token, LinkSettings settings, LinkPurposeSettings purpose, DateTimeOffset now, out VerifiedLinkToken? verified)
    {
        verified = null;
        if (token.Length is 0 or > LinkTokenFormat.MaximumTokenLength)
        {
            return s_unverified[(int)LinkFailure.Malformed];
        }

        Span<byte> buffer = stackalloc byte[LinkTokenReader.GetBufferSize(token.Length)];
        if (!LinkTokenReader.TryRead(token, buffer, out UnverifiedLinkToken unverified))
        {
            return s_unverified[(int)LinkFailure.Malformed];
        }

        if (settings.Keys.Find(unverified.KeyId) is not { } key)
        {
            return s_unverified[(int)LinkFailure.UnknownKey];
        }

        // The algorithm is pinned per key: a token naming any other (none, a swapped HMAC) never reaches the HMAC.
        if (!unverified.Algorithm.SequenceEqual(key.Algorithm.NameUtf8) || !unverified.IsSignedBy(key))
        {
            return s_unverified[(int)LinkFailure.InvalidSignature];
        }

        // Verified from here on, so every failure carries the claims. The reader checked the text is valid UTF-8.
        bool samePurpose = unverified.Purpose.SequenceEqual(purpose.NameUtf8);
        LinkValidationResult result = LinkValidationResult.Success(
            Encoding.UTF8.GetString(unverified.Subject),
            samePurpose ? purpose.Name : Encoding.UTF8.GetString(unverified.Purpose),
            Encoding.UTF8.GetString(unverified.TokenId),
            DateTimeOffset.FromUnixTimeSeconds(unverified.IssuedAt),
            DateTimeOffset.FromUnixTimeSeconds(unverified.ExpiresAt),
            unverified.Data);

        if (!unverified.Audience.SequenceEqual(settings.Audience))
        {
            return result.WithFailure(LinkFailure.WrongAudience);
        }

        if (!unverified.Issuer.SequenceEqual(settings.Issuer))
        {
            return result.WithFailure(LinkFailure.WrongIssuer);
        }

        if (!samePurpose)
        {
            return result.WithFailure(LinkFailure.WrongPurpose);
        }

        long nowTicks = now.UtcTicks;
        long skew = settings.ClockSkew.Ticks;
        long issuedAt = ToTicks(unverified.IssuedAt);
        long latestStart = SaturatingAdd(nowTicks, skew);
        if (issuedAt > latestStart || (unverified.NotBefore is { } notBefore && ToTicks(notBefore) > latestStart))
        {
            return result.WithFailure(LinkFailure.NotYetValid);
        }

        // A lifetime shortened since the token was issued reaches it too.
        long expiresAt = ToTicks(unverified.ExpiresAt);
        long usableUntil = SaturatingAdd(Math.Min(expiresAt, SaturatingAdd(issuedAt, purpose.Lifetime.Ticks)), skew);
        if (nowTicks >= usableUntil)
        {
            return result.WithFailure(LinkFailure.Expired);
        }

        // The redemption is kept for the token's own exp, not the current lifetime: lengthening it again must not reopen the token.
        long keptUntil = Math.Min(SaturatingAdd(expiresAt, skew), DateTimeOffset.MaxValue.UtcTicks);
        verified = new VerifiedLinkToken(
            result,
            key,
            unverified.HasStateHash ? Encoding.UTF8.GetString(unverified.StateHash) : null,
            new DateTimeOffset(keptUntil, TimeSpan.Zero));
        return result;
    }

    /// <summary>A date the reader accepted (0 to <see cref="LinkTokenFormat.MaximumDate"/> seconds) as ticks: cannot overflow.</summary>
    private static long ToTicks(long unixSeconds) => s_unixEpochTicks + (unixSeconds * TimeSpan.TicksPerSecond);

    private static long SaturatingAdd(long ticks, long more) => more > long.MaxValue - ticks ? long.MaxValue : ticks + more;

    private static LinkPurposeSettings GetPurpose(LinkSettings settings, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return settings.Purposes.TryGetValue(purpose, out LinkPurposeSettings? found)
            ? found
            : throw new ArgumentException(
                $"The link purpose '{purpose}' is not configured. Add it under {OneTimeLinkOptions.SectionName}:Purposes or with " +
                $"AddOneTimeLinks(...).AddPurpose(\"{purpose}\", p => p.Lifetime = ...). Configured purposes: {string.Join(", ", settings.Purposes.Keys)}.",
                nameof(purpose));
    }

    private static TimeSpan GetLifetime(LinkPurposeSettings settings, TimeSpan? requested)
    {
        if (requested is not { } lifetime)
        {
            return settings.Lifetime;
        }

        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > settings.Lifetime)
        {
            throw new ArgumentOutOfRangeException(
                nameof(LinkIssueOptions.Lifetime),
                lifetime,
                $"A link's lifetime must be between one second and its purpose's lifetime, {settings.Lifetime}.");
        }

        return lifetime;
    }

    private static IReadOnlyDictionary<string, string> GetData(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || data.Count == 0)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        foreach ((string name, string value) in data)
        {
            if (string.IsNullOrEmpty(name) || LinkTokenFormat.ReservedClaims.Contains(name))
            {
                throw new ArgumentException(
                    $"The custom claim name '{name}' is reserved or empty: pick another. Reserved: {string.Join(", ", LinkTokenFormat.ReservedClaims)}.",
                    nameof(LinkIssueOptions.Data));
            }

            if (value is null)
            {
                throw new ArgumentException($"The custom claim '{name}' has a null value.", nameof(LinkIssueOptions.Data));
            }
        }

        return data;
    }

    private async ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope = _scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            ILinkStateProvider provider = scope.ServiceProvider.GetKeyedService<ILinkStateProvider>(purpose)
                ?? scope.ServiceProvider.GetService<ILinkStateProvider>()
                ?? throw new InvalidOperationException(
                    $"The link purpose '{purpose}' binds state but no ILinkStateProvider is registered: " +
                    "call AddOneTimeLinks(...).AddStateProvider<TProvider>(), or set BindState to false.");
            return await provider.GetStateAsync(purpose, subject, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Activity? StartActivity(string name, string purpose)
    {
        Activity? activity = OneTimeLinkActivitySource.Instance.StartActivity(name);
        activity?.SetTag("onetimelink.purpose", purpose);
        return activity;
    }
}
