using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>
/// The link flows' shared state in Redis, each operation one atomic command (or script) and one round trip, so a limit
/// holds and an approval is taken once across every application instance. Keys live under <see cref="KeyPrefix"/>, hold
/// no user data, and expire with what they guard.
/// </summary>
internal sealed class RedisLinkFlowStateStore(RedisConnection connection, IOptions<RedisRedemptionStoreOptions> options) : ILinkFlowStateStore
{
    public const string KeyPrefix = "onetimelink:flow:";

    /// <summary>INCR, and the expiry only on creation: later attempts never extend a counter's life.</summary>
    private const string IncrementScript =
        "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private readonly RedisCommandGuard _redis = new(connection, options.Value.Timeout);

    public async ValueTask<bool> TrySetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        return await RunAsync(database => database.StringSetAsync(KeyPrefix + key, value, lifetime, When.NotExists), "set the link flow's state", cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        RedisValue value = await RunAsync(database => database.StringGetAsync(KeyPrefix + key), "read the link flow's state", cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    public async ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        RedisValue value = await RunAsync(database => database.StringGetDeleteAsync(KeyPrefix + key), "take the link flow's state", cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    public async ValueTask<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        RedisKey[] keys = [KeyPrefix + key];
        RedisValue[] milliseconds = [(long)Math.Ceiling(lifetime.TotalMilliseconds)];
        RedisResult result = await RunAsync(database => database.ScriptEvaluateAsync(IncrementScript, keys, milliseconds), "count the link flow's attempt", cancellationToken)
            .ConfigureAwait(false);
        return (long)result;
    }

    // Outages are the redemption store's to log; a refused step surfaces as an exception in the flow that asked.
    private Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, string what, CancellationToken cancellationToken) =>
        _redis.RunAsync(command, what, static _ => { }, cancellationToken);
}
