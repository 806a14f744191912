using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace OneTimeLink.Redis.Tests;

/// <summary>Redis crashes, hangs or is not there yet: redemptions fail closed, fast, and recover by themselves.</summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_storeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A bound, not a wait: a refused redemption answers well before this even on a busy machine.</summary>
    private static readonly TimeSpan s_answerBound = s_storeTimeout + TimeSpan.FromSeconds(2);

    /// <summary>The multiplexer retries with a backoff of a few seconds; recovery must happen well within this.</summary>
    private static readonly TimeSpan s_recoveryBound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The timeout of the fail-fast test: fifty times its bound, so a refusal that waited for it can never pass for a fast
    /// one, and a fast one (microseconds) stays far under the bound however busy the machine is.
    /// </summary>
    private static readonly TimeSpan s_longTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A bound, not a wait: a refusal while the connection is known to be down does not wait for the network.</summary>
    private static readonly TimeSpan s_knownDownBound = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [RedisFact]
    public async Task RedeemAsync_RedisKilled_AnswersStoreUnavailableWithinTheTimeout_AndValidateAndIssueStillWork()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("Redis is up before the outage");

        await server.KillAsync();
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-during-outage");
        LinkValidationResult validated = await links.ValidateAsync(link.Token, TestLinks.Activate);
        var elapsed = Stopwatch.StartNew();
        LinkValidationResult redeemed = await links.RedeemAsync(link.Token, TestLinks.Activate);
        elapsed.Stop();

        output.WriteLine($"Redeem during the outage answered {redeemed.Failure} in {elapsed.Elapsed.TotalMilliseconds:0} ms (timeout {s_storeTimeout}).");
        validated.Succeeded.Should().BeTrue();
        redeemed.Failure.Should().Be(LinkFailure.StoreUnavailable);
        redeemed.Subject.Should().Be("user-during-outage");
        elapsed.Elapsed.Should().BeLessThan(s_answerBound);
    }

    [RedisFact]
    public async Task RedeemAsync_RedisKnownDown_RefusesAtOnceRatherThanAfterTheTimeout_AndRecovers()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration, timeout: s_longTimeout);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("Redis is up before the outage");

        await server.KillAsync();
        (await RedeemNewLinkAsync(links)).Failure.Should().Be(LinkFailure.StoreUnavailable, "the first refusal finds the connection down");
        var refusals = new List<TimeSpan>();
        for (int i = 0; i < 50; i++)
        {
            IssuedLink link = await links.IssueAsync(TestLinks.Activate, $"user-refused-{i}");
            long started = Stopwatch.GetTimestamp();
            LinkValidationResult refused = await links.RedeemAsync(link.Token, TestLinks.Activate);
            refusals.Add(Stopwatch.GetElapsedTime(started));
            refused.Failure.Should().Be(LinkFailure.StoreUnavailable);
        }

        await server.RestartAsync();
        TimeSpan recovery = await RedeemUntilRecoveredAsync(links);

        TimeSpan[] sorted = [.. refusals.Order()];
        output.WriteLine(
            $"50 refusals while Redis was known down (timeout {s_longTimeout}): median {sorted[25].TotalMilliseconds:0.###} ms, " +
            $"slowest {sorted[^1].TotalMilliseconds:0.###} ms; redemptions worked again {recovery.TotalMilliseconds:0} ms after Redis answered PING.");
        refusals.Should().OnlyContain(r => r < s_knownDownBound, "a refusal while the connection is known to be down waits for nothing");
    }

    [RedisFact]
    public async Task RedeemAsync_RedisConnectedButNotAnswering_RefusesWithinTheTimeout_AndRecovers()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("Redis is up before it hangs");
        await using ConnectionMultiplexer admin = await ConnectionMultiplexer.ConnectAsync($"{server.Configuration},allowAdmin=true");

        // Writes hang while the connection stays up (PING still answers): only the timeout can end the wait.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "60000", "WRITE");
        var elapsed = Stopwatch.StartNew();
        LinkValidationResult refused = await RedeemNewLinkAsync(links);
        elapsed.Stop();
        await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
        TimeSpan recovery = await RedeemUntilRecoveredAsync(links);

        output.WriteLine($"Redeem while Redis hung on writes: {refused.Failure} in {elapsed.Elapsed.TotalMilliseconds:0} ms (timeout {s_storeTimeout}); recovered {recovery.TotalMilliseconds:0} ms after.");
        refused.Failure.Should().Be(LinkFailure.StoreUnavailable);
        elapsed.Elapsed.Should().BeLessThan(s_answerBound);
    }

    [RedisFact]
    public async Task RedeemAsync_RedisRestarted_RedeemsNewLinksAgainWithoutIntervention()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("Redis is up before the outage");
        await server.KillAsync();
        (await RedeemNewLinkAsync(links)).Failure.Should().Be(LinkFailure.StoreUnavailable);

        await server.RestartAsync();
        TimeSpan recovery = await RedeemUntilRecoveredAsync(links);

        output.WriteLine($"Redemptions worked again {recovery.TotalMilliseconds:0} ms after Redis answered PING.");
    }

    [RedisFact]
    public async Task RedeemAsync_RedisDownAtFirstUse_RefusesThenRecoversOnceItStarts()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await server.KillAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();

        var elapsed = Stopwatch.StartNew();
        LinkValidationResult refused = await RedeemNewLinkAsync(links);
        elapsed.Stop();
        await server.RestartAsync();
        TimeSpan recovery = await RedeemUntilRecoveredAsync(links);

        output.WriteLine($"First redeem with Redis down: {refused.Failure} in {elapsed.Elapsed.TotalMilliseconds:0} ms; recovered {recovery.TotalMilliseconds:0} ms after Redis started.");
        refused.Failure.Should().Be(LinkFailure.StoreUnavailable);
        elapsed.Elapsed.Should().BeLessThan(s_answerBound);
    }

    [RedisFact]
    public async Task RedeemAsync_Outage_LogsOneWarningWhenItStartsAndOneInformationWhenItEnds()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(
            server.Configuration,
            collection =>
            {
                collection.AddFakeLogging();
                collection.AddHealthChecks().AddRedisRedemptionStoreHealthCheck();
            });
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        FakeLogCollector logs = services.GetRequiredService<FakeLogCollector>();
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("Redis is up before the outage");

        await server.KillAsync();
        for (int i = 0; i < 3; i++)
        {
            (await RedeemNewLinkAsync(links)).Failure.Should().Be(LinkFailure.StoreUnavailable);
        }

        // Waiting for the connection by redeeming would add the refusals made while waiting to the count: wait through
        // the health check, which shares the connection, then redeem exactly once.
        await server.RestartAsync();
        await WaitUntilReconnectedAsync(services);
        (await RedeemNewLinkAsync(links)).Succeeded.Should().BeTrue("the connection is back");

        IReadOnlyList<FakeLogRecord> records = logs.GetSnapshot();
        records.Where(r => r.Level >= LogLevel.Warning).Should().ContainSingle()
            .Which.Id.Name.Should().Be("RedisRedemptionStoreUnavailable");
        FakeLogRecord recovered = records.Should().ContainSingle(r => r.Id.Name == "RedisRedemptionStoreRecovered").Subject;
        recovered.Level.Should().Be(LogLevel.Information);
        recovered.Message.Should().Contain("3 redemptions were refused");
    }

    [RedisFact]
    public async Task RedeemAsync_RedisRestartedWithoutPersistence_ForgetsLinksRedeemedBeforeTheOutage()
    {
        // Documents why production Redis needs persistence (appendonly yes): these test servers run without it.
        await using RedisServer server = await RedisServer.StartAsync();
        await using ServiceProvider services = CreateProvider(server.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-forgotten");
        (await links.RedeemAsync(link.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();

        await server.KillAsync();
        await server.RestartAsync();
        await RedeemUntilRecoveredAsync(links);
        LinkValidationResult replay = await links.RedeemAsync(link.Token, TestLinks.Activate);

        replay.Succeeded.Should().BeTrue("a Redis without persistence loses every redemption when it restarts");
    }

    [Fact]
    public async Task RedeemAsync_RedisAcceptsButNeverAnswers_AnswersStoreUnavailableWithinTheTimeout()
    {
        using var silent = new SilentServer();
        await using ServiceProvider services = CreateProvider(silent.Configuration);
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();

        var first = Stopwatch.StartNew();
        LinkValidationResult connecting = await RedeemNewLinkAsync(links);
        first.Stop();
        var second = Stopwatch.StartNew();
        LinkValidationResult connected = await RedeemNewLinkAsync(links);
        second.Stop();

        output.WriteLine($"Silent server: first redeem {first.Elapsed.TotalMilliseconds:0} ms, second {second.Elapsed.TotalMilliseconds:0} ms (timeout {s_storeTimeout}).");
        connecting.Failure.Should().Be(LinkFailure.StoreUnavailable);
        connected.Failure.Should().Be(LinkFailure.StoreUnavailable);
        first.Elapsed.Should().BeLessThan(s_answerBound);
        second.Elapsed.Should().BeLessThan(s_answerBound);
    }

    [Fact]
    public async Task TryRedeemAsync_CallerCancels_ThrowsOperationCanceledRatherThanStoreUnavailable()
    {
        using var silent = new SilentServer();
        await using ServiceProvider services = CreateProvider(silent.Configuration);
        IRedemptionStore store = services.GetRequiredService<IRedemptionStore>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Func<Task> redeem = async () => await store.TryRedeemAsync("jti-cancelled", _time.GetUtcNow().AddMinutes(5), cancel.Token);

        await redeem.Should().ThrowAsync<OperationCanceledException>();
    }

    private ServiceProvider CreateProvider(string configuration, Action<IServiceCollection>? services = null, TimeSpan? timeout = null) =>
        RedisLinks.CreateProvider(_time, configuration, options => options.Timeout = timeout ?? s_storeTimeout, services);

    /// <summary>Asks the store's health check until it is healthy, within <see cref="s_recoveryBound"/>: no redemption is made.</summary>
    private static async Task WaitUntilReconnectedAsync(ServiceProvider services)
    {
        HealthCheckService health = services.GetRequiredService<HealthCheckService>();
        var elapsed = Stopwatch.StartNew();
        while ((await health.CheckHealthAsync()).Status != HealthStatus.Healthy)
        {
            elapsed.Elapsed.Should().BeLessThan(s_recoveryBound, "the store reconnects by itself once Redis is back");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task<LinkValidationResult> RedeemNewLinkAsync(IOneTimeLinkService links)
    {
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-probe");
        return await links.RedeemAsync(link.Token, TestLinks.Activate);
    }

    /// <summary>Redeems new links until one succeeds, within <see cref="s_recoveryBound"/>; returns how long that took.</summary>
    private static async Task<TimeSpan> RedeemUntilRecoveredAsync(IOneTimeLinkService links)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            LinkValidationResult result = await RedeemNewLinkAsync(links);
            if (result.Succeeded)
            {
                return elapsed.Elapsed;
            }

            result.Failure.Should().Be(LinkFailure.StoreUnavailable);
            elapsed.Elapsed.Should().BeLessThan(s_recoveryBound, "the store reconnects by itself once Redis is back");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
