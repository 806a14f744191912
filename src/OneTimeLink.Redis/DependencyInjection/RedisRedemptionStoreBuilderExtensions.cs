using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeLink;
using OneTimeLink.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stores one-time link redemptions in Redis, so every application instance refuses a link redeemed on another.</summary>
public static class RedisRedemptionStoreBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory redemption store with Redis at <paramref name="configuration"/>, and with it the link flows'
    /// shared state (the per-account mail throttle), so single use and limits hold across every application instance.
    /// The connection is made on the first use and closed with the service provider.
    /// </summary>
    /// <remarks>
    /// Each record is kept one <see cref="OneTimeLinkOptions.ClockSkew"/> longer than its token validates by the clock of
    /// the instance that redeemed it, so the instances sharing the Redis must have clocks within
    /// <see cref="OneTimeLinkOptions.ClockSkew"/> of each other: an instance further behind could redeem the token again
    /// after the record expired.
    /// </remarks>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, such as <c>"localhost:6379"</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddRedisRedemptionStore(this IOneTimeLinkBuilder builder, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);

        return builder.AddRedisRedemptionStore(options => options.Configuration = configuration);
    }

    /// <summary>
    /// Replaces the in-memory redemption store and the link flows' shared state with Redis, configured by
    /// <paramref name="configure"/>. Leave
    /// <see cref="RedisRedemptionStoreOptions.Configuration"/> unset to use the <c>IConnectionMultiplexer</c> registered
    /// in the application's services. The options are validated when the application starts.
    /// </summary>
    /// <remarks>
    /// The instances sharing the Redis must have clocks within <see cref="OneTimeLinkOptions.ClockSkew"/> of each other,
    /// as for <see cref="AddRedisRedemptionStore(IOneTimeLinkBuilder, string)"/>.
    /// </remarks>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configure">Sets the configuration string, key prefix and timeout.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddRedisRedemptionStore(this IOneTimeLinkBuilder builder, Action<RedisRedemptionStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        IServiceCollection services = builder.Services;
        services.AddOptions<RedisRedemptionStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisRedemptionStoreOptions>, RedisRedemptionStoreOptionsValidator>());
        services.TryAddSingleton<RedisConnection>();
        services.Replace(ServiceDescriptor.Singleton<IRedemptionStore, RedisRedemptionStore>());
        services.Replace(ServiceDescriptor.Singleton<ILinkFlowStateStore, RedisLinkFlowStateStore>());
        return builder;
    }
}
