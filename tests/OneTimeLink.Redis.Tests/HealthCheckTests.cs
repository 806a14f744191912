using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class HealthCheckTests(RedisFixture redis)
{
    private static readonly TimeSpan s_storeTimeout = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [RedisFact]
    public async Task CheckHealthAsync_RedisAnswers_IsHealthy()
    {
        await using ServiceProvider services = CreateProvider(redis.Configuration);

        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        HealthReportEntry entry = report.Entries[RedisRedemptionStoreHealthChecksBuilderExtensions.DefaultName];
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().StartWith("Redis answered PING");
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListens_IsUnhealthy()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        string closedPort = $"127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        await using ServiceProvider services = CreateProvider(closedPort);

        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries[RedisRedemptionStoreHealthChecksBuilderExtensions.DefaultName].Status.Should().Be(HealthStatus.Unhealthy);
    }

    [Fact]
    public async Task CheckHealthAsync_RedisDoesNotAnswerPing_IsUnhealthyWithinTheTimeout()
    {
        using var silent = new SilentServer();
        await using ServiceProvider services = CreateProvider(silent.Configuration);

        var elapsed = Stopwatch.StartNew();
        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        elapsed.Stop();

        HealthReportEntry entry = report.Entries[RedisRedemptionStoreHealthChecksBuilderExtensions.DefaultName];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("did not answer PING");
        elapsed.Elapsed.Should().BeLessThan(s_storeTimeout + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CheckHealthAsync_FailureStatusGiven_ReportsItInsteadOfUnhealthy()
    {
        using var silent = new SilentServer();
        await using ServiceProvider services = CreateProvider(silent.Configuration, HealthStatus.Degraded);

        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries[RedisRedemptionStoreHealthChecksBuilderExtensions.DefaultName].Status.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public async Task CheckHealthAsync_WithoutTheRedisStore_SaysToAddIt()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddHealthChecks().AddRedisRedemptionStoreHealthCheck();
        await using ServiceProvider services = collection.BuildServiceProvider();

        Func<Task> check = () => services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        await check.Should().ThrowAsync<InvalidOperationException>().WithMessage("*AddRedisRedemptionStore*");
    }

    private ServiceProvider CreateProvider(string configuration, HealthStatus? failureStatus = null) =>
        RedisLinks.CreateProvider(
            _time,
            configuration,
            options => options.Timeout = s_storeTimeout,
            services => services.AddHealthChecks().AddRedisRedemptionStoreHealthCheck(failureStatus: failureStatus));
}
