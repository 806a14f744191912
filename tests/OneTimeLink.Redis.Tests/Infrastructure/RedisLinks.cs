using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>Builds a service provider, one "app instance", whose redemptions go to Redis.</summary>
internal static class RedisLinks
{
    /// <summary>Long enough that a busy CI machine never turns a working Redis into a refused link.</summary>
    public static readonly TimeSpan GenerousTimeout = TimeSpan.FromSeconds(10);

    public static ServiceProvider CreateProvider(
        FakeTimeProvider time,
        string configuration,
        Action<RedisRedemptionStoreOptions>? configure = null,
        Action<IServiceCollection>? services = null) =>
        TestLinks.CreateProvider(
            time,
            build: links => links.AddRedisRedemptionStore(options =>
            {
                options.Configuration = configuration;
                options.Timeout = GenerousTimeout;
                configure?.Invoke(options);
            }),
            services: services);
}
