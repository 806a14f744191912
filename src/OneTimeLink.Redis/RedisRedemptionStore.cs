using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>
/// Records redemptions in Redis with one atomic <c>SET key 1 NX PX ttl</c> per redemption, so of any number of app
/// instances redeeming one token at once exactly one succeeds. The key outlives the token's validity on every instance
/// whose clock is within the clock skew of the redeeming one's.
/// </summary>
internal sealed class RedisRedemptionStore : IRedemptionStore
{
    private static readonly TimeSpan s_minimumTtl = TimeSpan.FromMilliseconds(1);
    private static readonly RedisValue s_redeemed = 1;

    private readonly RedisCommandGuard _redis;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _keyPrefix;
    private readonly TimeSpan _clockSkew;

    // Outage bookkeeping, so an outage is logged once when it starts and once when it ends, not per redemption.
    private int _unavailable;
    private long _outageStarted;
    private long _refusedDuringOutage;

    public RedisRedemptionStore(
        RedisConnection connection,
        IOptions<RedisRedemptionStoreOptions> options,
        IOptions<OneTimeLinkOptions> linkOptions,
        TimeProvider timeProvider,
        ILogger<RedisRedemptionStore> logger)
    {
        _redis = new RedisCommandGuard(connection, options.Value.Timeout);
        _timeProvider = timeProvider;
        _logger = logger;
        _keyPrefix = options.Value.KeyPrefix;
        _clockSkew = linkOptions.Value.ClockSkew;
    }

    public async ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);

        // expiresAt is when the token stops validating by this instance's clock; an instance whose clock is behind
        // still accepts it for as long as its clock is behind. Keeping the key one clock skew longer covers every
        // instance within the skew of this one; Redis counts the time to live down on its own clock, so that clock's
        // offset does not matter.
        TimeSpan ttl = expiresAt - _timeProvider.GetUtcNow();
        ttl = (ttl > TimeSpan.Zero ? ttl : TimeSpan.Zero) + _clockSkew;
        if (ttl < s_minimumTtl)
        {
            ttl = s_minimumTtl;
        }

        bool first = await _redis.RunAsync(
            database => database.StringSetAsync(_keyPrefix + tokenId, s_redeemed, ttl, When.NotExists),
            "record the redemption",
            ReportUnavailable,
            cancellationToken).ConfigureAwait(false);

        ReportAvailable();
        return first;
    }

    private void ReportUnavailable(Exception exception)
    {
        // Counted before the outage is marked, and taken (not read) when it ends, so a refusal racing the start or the
        // end of an outage is counted in one of them rather than lost.
        Interlocked.Increment(ref _refusedDuringOutage);
        if (Interlocked.CompareExchange(ref _unavailable, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _outageStarted, _timeProvider.GetTimestamp());
            Log.StoreUnavailable(_logger, _redis.Timeout, exception);
        }
    }

    private void ReportAvailable()
    {
        if (Volatile.Read(ref _unavailable) == 1 && Interlocked.CompareExchange(ref _unavailable, 0, 1) == 1)
        {
            TimeSpan outage = _timeProvider.GetElapsedTime(Interlocked.Read(ref _outageStarted));
            Log.StoreRecovered(_logger, outage, Interlocked.Exchange(ref _refusedDuringOutage, 0));
        }
    }
}
