using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.Diagnostics;
using OneTimeLink.Tokens;

namespace OneTimeLink;

/// <summary>The <see cref="IOneTimeLinkService"/>: keys and handler built once, time from <see cref="TimeProvider"/>.</summary>
internal sealed class OneTimeLinkService : IOneTimeLinkService
{
    /// <summary>Results carry nothing before the signature is verified, so one immutable instance per failure serves every call.</summary>
    private static readonly LinkValidationResult[] s_unverified =
        [.. Enum.GetValues<LinkFailure>().Select(f => f == LinkFailure.None ? null! : LinkValidationResult.Failed(f))];

    private readonly SigningKeySet _keys;
    private readonly LinkTokenHandler _tokens;
    private readonly Dictionary<string, LinkPurposeOptions> _purposes;
    private readonly TimeSpan _clockSkew;
    private readonly IRedemptionStore _redemptionStore;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly OneTimeLinkMetrics _metrics;

    public OneTimeLinkService(
        IOptions<OneTimeLinkOptions> options,
        IRedemptionStore redemptionStore,
        TimeProvider timeProvider,
        IServiceScopeFactory scopeFactory,
        ILogger<OneTimeLinkService> logger,
        OneTimeLinkMetrics metrics)
    {
        OneTimeLinkOptions settings = options.Value;
        _keys = new SigningKeySet(settings);
        _tokens = new LinkTokenHandler(_keys, settings.Issuer!, settings.Audience!, settings.Purposes.Keys);
        _purposes = settings.Purposes.ToDictionary(
            p => p.Key,
            p => new LinkPurposeOptions { Lifetime = p.Value.Lifetime, SingleUse = p.Value.SingleUse, BindState = p.Value.BindState },
            StringComparer.Ordinal);
        _clockSkew = settings.ClockSkew;
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
        LinkPurposeOptions settings = GetPurpose(purpose);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        TimeSpan lifetime = GetLifetime(settings, options?.Lifetime);
        IReadOnlyDictionary<string, string> data = GetData(options?.Data);

        using Activity? activity = StartActivity("onetimelink.issue", purpose);

        // Whole seconds, so what the caller is told matches what validation will read back from the token.
        DateTimeOffset issuedAt = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        DateTimeOffset expiresAt = issuedAt.AddSeconds(Math.Floor(lifetime.TotalSeconds));
        string tokenId = TokenIdGenerator.Next();
        LinkSigningKey key = _keys.Current;

        string? stateHash = settings.BindState
            ? StateHash.Compute(key, purpose, subject, await GetStateAsync(purpose, subject, cancellationToken).ConfigureAwait(false))
            : null;

        string token = _tokens.Create(new LinkTokenContent(subject, purpose, tokenId, issuedAt, expiresAt, null, stateHash, data));

        activity?.SetTag("onetimelink.token_id", tokenId);
        Log.LinkIssued(_logger, purpose, tokenId, expiresAt);
        _metrics.Issued(purpose);
        return new IssuedLink(token, tokenId, purpose, subject, issuedAt, expiresAt);
    }

    public ValueTask<LinkValidationResult> ValidateAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
        CheckAsync(token, purpose, LinkOperation.Validate, cancellationToken);

    public ValueTask<LinkValidationResult> RedeemAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
        CheckAsync(token, purpose, LinkOperation.Redeem, cancellationToken);

    private async ValueTask<LinkValidationResult> CheckAsync(string token, string purpose, LinkOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        LinkPurposeOptions settings = GetPurpose(purpose);

        using Activity? activity = StartActivity(operation == LinkOperation.Redeem ? "onetimelink.redeem" : "onetimelink.validate", purpose);

        LinkValidationResult result = await EvaluateAsync(token, purpose, settings, operation, cancellationToken).ConfigureAwait(false);

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

    /// <summary>Checks in a fixed order; the first failure wins. Nothing is consumed unless every check passed.</summary>
    private async ValueTask<LinkValidationResult> EvaluateAsync(
        string token,
        string purpose,
        LinkPurposeOptions settings,
        LinkOperation operation,
        CancellationToken cancellationToken)
    {
        LinkTokenVerification verification = _tokens.Verify(token);
        if (verification.Content is not { } content || verification.Key is not { } key)
        {
            return s_unverified[(int)verification.Failure];
        }

        var verified = LinkValidationResult.Success(content.Subject, content.Purpose, content.TokenId, content.IssuedAt, content.ExpiresAt, content.Data);

        if (!string.Equals(content.Purpose, purpose, StringComparison.Ordinal))
        {
            return verified.WithFailure(LinkFailure.WrongPurpose);
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (content.NotBefore is { } notBefore && now + _clockSkew < notBefore)
        {
            return verified.WithFailure(LinkFailure.NotYetValid);
        }

        DateTimeOffset usableUntil = content.ExpiresAt + _clockSkew;
        if (now >= usableUntil)
        {
            return verified.WithFailure(LinkFailure.Expired);
        }

        if (settings.BindState)
        {
            string? state = await GetStateAsync(purpose, content.Subject, cancellationToken).ConfigureAwait(false);
            if (!StateHash.Matches(content.StateHash, StateHash.Compute(key, purpose, content.Subject, state)))
            {
                return verified.WithFailure(LinkFailure.StateChanged);
            }
        }

        if (operation == LinkOperation.Validate || !settings.SingleUse)
        {
            return verified;
        }

        try
        {
            bool first = await _redemptionStore.TryRedeemAsync(content.TokenId, usableUntil, cancellationToken).ConfigureAwait(false);
            return first ? verified : verified.WithFailure(LinkFailure.AlreadyRedeemed);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Fail closed: whatever went wrong, a token is never accepted without a recorded redemption.
            if (ex is RedemptionStoreUnavailableException)
            {
                // An outage the store reports itself, once; a warning per refused link would flood the log.
                Log.RedemptionStoreUnavailable(_logger, purpose, content.TokenId, ex);
            }
            else
            {
                Log.RedemptionStoreFailed(_logger, purpose, content.TokenId, ex);
            }

            return verified.WithFailure(LinkFailure.StoreUnavailable);
        }
    }

    private LinkPurposeOptions GetPurpose(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return _purposes.TryGetValue(purpose, out LinkPurposeOptions? settings)
            ? settings
            : throw new ArgumentException(
                $"The link purpose '{purpose}' is not configured. Add it under {OneTimeLinkOptions.SectionName}:Purposes or with " +
                $"AddOneTimeLinks(...).AddPurpose(\"{purpose}\", p => p.Lifetime = ...). Configured purposes: {string.Join(", ", _purposes.Keys)}.",
                nameof(purpose));
    }

    private static TimeSpan GetLifetime(LinkPurposeOptions settings, TimeSpan? requested)
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
            return LinkTokenContent.NoData;
        }

        foreach ((string name, string value) in data)
        {
            if (string.IsNullOrEmpty(name) || LinkTokenClaims.Reserved.Contains(name))
            {
                throw new ArgumentException(
                    $"The custom claim name '{name}' is reserved or empty: pick another. Reserved: {string.Join(", ", LinkTokenClaims.Reserved)}.",
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
