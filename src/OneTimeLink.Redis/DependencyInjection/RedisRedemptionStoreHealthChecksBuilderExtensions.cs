using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneTimeLink.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check for the Redis redemption store.</summary>
public static class RedisRedemptionStoreHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check.</summary>
    public const string DefaultName = "onetimelink-redis";

    /// <summary>
    /// Adds a health check that reports <paramref name="failureStatus"/> when the Redis of <c>AddRedisRedemptionStore</c>
    /// does not answer a PING within <see cref="RedisRedemptionStoreOptions.Timeout"/>, that is when single-use links
    /// would be refused. It shares the store's connection.
    /// </summary>
    /// <param name="builder">The builder from <c>AddHealthChecks</c>.</param>
    /// <param name="name">The health check's name.</param>
    /// <param name="failureStatus">The status reported when Redis does not answer; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter health checks by, such as <c>"ready"</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddRedisRedemptionStoreHealthCheck(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        return builder.Add(new HealthCheckRegistration(
            name,
            services => new RedisRedemptionStoreHealthCheck(
                services.GetService<RedisConnection>() ?? throw new InvalidOperationException(
                    "The Redis redemption store health check needs the Redis redemption store: call " +
                    "AddOneTimeLinks(...).AddRedisRedemptionStore(...) as well."),
                services.GetRequiredService<IOptions<RedisRedemptionStoreOptions>>().Value.Timeout),
            failureStatus,
            tags));
    }
}
