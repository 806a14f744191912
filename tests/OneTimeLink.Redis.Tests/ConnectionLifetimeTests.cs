using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;
using StackExchange.Redis;

namespace OneTimeLink.Redis.Tests;

/// <summary>The connection is made on the first redemption and closed with the container, unless the app owns it.</summary>
[Collection(RedisCollection.Name)]
public sealed class ConnectionLifetimeTests(RedisFixture redis)
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);
    private readonly string _clientName = $"otl-test-{Guid.NewGuid():N}";

    [RedisFact]
    public async Task TheStoresOwnConnection_IsMadeOnFirstRedeem_AndClosedWithTheContainer()
    {
        ServiceProvider services = RedisLinks.CreateProvider(_time, $"{redis.Configuration},name={_clientName}");
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        int beforeFirstRedeem = await CountClientsAsync();

        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-lifetime");
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        int afterFirstRedeem = await CountClientsAsync();
        await services.DisposeAsync();

        beforeFirstRedeem.Should().Be(0);
        afterFirstRedeem.Should().BeGreaterThan(0);
        await WaitUntilNoClientsAsync();
    }

    [RedisFact]
    public async Task TheStoresOwnConnection_IsClosedByASynchronousDispose()
    {
        ServiceProvider services = RedisLinks.CreateProvider(_time, $"{redis.Configuration},name={_clientName}");
        await services.GetRequiredService<IRedemptionStore>().TryRedeemAsync("jti-sync-dispose", _time.GetUtcNow().AddMinutes(1), default);

        services.Dispose();

        await WaitUntilNoClientsAsync();
    }

    [RedisFact]
    public async Task AMultiplexerFromTheServices_IsUsed_AndLeftOpenForTheApp()
    {
        await using ConnectionMultiplexer appMultiplexer = await ConnectionMultiplexer.ConnectAsync($"{redis.Configuration},name={_clientName}");
        ServiceProvider services = TestLinks.CreateProvider(
            _time,
            build: links => links.AddRedisRedemptionStore(options => options.KeyPrefix = $"{_clientName}:"),
            services: collection => collection.AddSingleton<IConnectionMultiplexer>(appMultiplexer));
        IOneTimeLinkService links = services.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-app-multiplexer");

        LinkValidationResult redeemed = await links.RedeemAsync(link.Token, TestLinks.Activate);
        await services.DisposeAsync();

        redeemed.Succeeded.Should().BeTrue();
        (await appMultiplexer.GetDatabase().KeyExistsAsync($"{_clientName}:{link.TokenId}")).Should().BeTrue();
        appMultiplexer.IsConnected.Should().BeTrue();
    }

    private async Task<int> CountClientsAsync()
    {
        RedisResult clients = await redis.Database.ExecuteAsync("CLIENT", "LIST");
        return ((string)clients!).Split('\n').Count(line => line.Contains($" name={_clientName} ", StringComparison.Ordinal));
    }

    private async Task WaitUntilNoClientsAsync()
    {
        var elapsed = Stopwatch.StartNew();
        while (await CountClientsAsync() > 0)
        {
            elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "disposing the container closes the store's connection");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
