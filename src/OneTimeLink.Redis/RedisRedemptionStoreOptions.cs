using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>Configures the Redis redemption store added by <c>AddRedisRedemptionStore</c>.</summary>
public sealed class RedisRedemptionStoreOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "onetimelink:redeemed:";

    /// <summary>Gets or sets the StackExchange.Redis configuration string, such as <c>"redis.internal:6379,password=…,ssl=true"</c>.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the store then uses the <see cref="IConnectionMultiplexer"/> registered in
    /// the application's services. When it is set, the store makes its own connection on the first redemption (not at
    /// start-up), keeps retrying while Redis is down, and closes it when the service provider is disposed.
    /// </value>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets the prefix of the Redis keys that record redemptions; the token's id (<c>jti</c>) follows it.</summary>
    /// <value>The default value is <c>"onetimelink:redeemed:"</c>.</value>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// Gets or sets the longest a redemption or a health check waits for Redis before it gives up: the link is then refused
    /// with <see cref="LinkFailure.StoreUnavailable"/>. On a connection the store makes itself, it is also the connect,
    /// synchronous and asynchronous timeout, replacing any given in <see cref="Configuration"/> (as is <c>abortConnect</c>:
    /// such a connection never gives up, it keeps reconnecting).
    /// </summary>
    /// <remarks>
    /// The wait applies while the connection is up or being made for the first time: Redis slow, hung or unreachable
    /// without the connection being seen to fail. Once the connection is known to be down, redemptions are refused at
    /// once, without waiting, until it is re-established in the background.
    /// </remarks>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
