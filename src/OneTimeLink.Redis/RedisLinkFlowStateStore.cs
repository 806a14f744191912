using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>
/// The link flows' shared state in Redis: one atomic <c>SET key 1 NX PX lifetime</c> per claim, so a per-account limit
/// holds across every application instance. Keys live under <see cref="KeyPrefix"/> and hold no user data.
/// </summary>
internal sealed class RedisLinkFlowStateStore(RedisConnection connection, IOptions<RedisRedemptionStoreOptions> options) : ILinkFlowStateStore
{
    public const string KeyPrefix = "onetimelink:flow:";

    private static readonly RedisValue s_set = 1;

    private readonly RedisCommandGuard _redis = new(connection, options.Value.Timeout);

    public async ValueTask<bool> TrySetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        // Outages are the redemption store's to log; a refused claim surfaces as an exception in the flow that asked.
        return await _redis.RunAsync(
            database => database.StringSetAsync(KeyPrefix + key, s_set, lifetime, When.NotExists),
            "record the link flow's state",
            static _ => { },
            cancellationToken).ConfigureAwait(false);
    }
}
