using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

/// <summary>With the Redis store, the link flows' state — mail throttles, pending sign-ins, approvals, code attempts — is shared by every instance.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLinkFlowStateStoreTests(RedisFixture redis)
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [RedisFact]
    public async Task TrySetAsync_TwoInstancesOnOneRedis_OnlyOneSetsAKey()
    {
        await using ServiceProvider first = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider second = RedisLinks.CreateProvider(_time, redis.Configuration);
        ILinkFlowStateStore a = first.GetRequiredService<ILinkFlowStateStore>();
        ILinkFlowStateStore b = second.GetRequiredService<ILinkFlowStateStore>();
        string key = $"throttle:{Guid.NewGuid():N}";

        bool onA = await a.TrySetAsync(key, "1", TimeSpan.FromMinutes(1), default);
        bool onB = await b.TrySetAsync(key, "1", TimeSpan.FromMinutes(1), default);
        bool againOnA = await a.TrySetAsync(key, "1", TimeSpan.FromMinutes(1), default);

        a.Should().BeOfType<RedisLinkFlowStateStore>();
        (onA, onB, againOnA).Should().Be((true, false, false));
    }

    [RedisFact]
    public async Task TrySetAsync_KeyLivesForItsLifetime_UnderTheFlowPrefix()
    {
        await using ServiceProvider services = RedisLinks.CreateProvider(_time, redis.Configuration);
        string key = $"throttle:{Guid.NewGuid():N}";

        await services.GetRequiredService<ILinkFlowStateStore>().TrySetAsync(key, "1", TimeSpan.FromMinutes(5), default);

        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(RedisLinkFlowStateStore.KeyPrefix + key);
        ttl.Should().BeCloseTo(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));
    }

    [RedisFact]
    public async Task TrySetAsync_ConcurrentClaimsFromTwoInstances_ExactlyOneWins()
    {
        await using ServiceProvider first = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider second = RedisLinks.CreateProvider(_time, redis.Configuration);
        ILinkFlowStateStore[] stores = [first.GetRequiredService<ILinkFlowStateStore>(), second.GetRequiredService<ILinkFlowStateStore>()];
        string key = $"throttle:{Guid.NewGuid():N}";

        bool[] claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => stores[i % 2].TrySetAsync(key, "1", TimeSpan.FromMinutes(1), default).AsTask()));

        claims.Count(c => c).Should().Be(1);
    }

    [RedisFact]
    public async Task TakeAsync_ConcurrentTakesFromTwoInstances_ExactlyOneGetsTheValue()
    {
        await using ServiceProvider first = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider second = RedisLinks.CreateProvider(_time, redis.Configuration);
        ILinkFlowStateStore[] stores = [first.GetRequiredService<ILinkFlowStateStore>(), second.GetRequiredService<ILinkFlowStateStore>()];
        string key = $"sign-in:{Guid.NewGuid():N}:approval";
        (await stores[0].TrySetAsync(key, "jti.user-1", TimeSpan.FromMinutes(1), default)).Should().BeTrue();

        string?[] taken = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => stores[i % 2].TakeAsync(key, default).AsTask()));

        taken.Where(t => t is not null).Should().Equal("jti.user-1");
        (await stores[1].GetAsync(key, default)).Should().BeNull();
    }

    [RedisFact]
    public async Task IncrementAsync_ConcurrentAcrossTwoInstances_CountsEachOnce_AndKeepsTheFirstExpiry()
    {
        await using ServiceProvider first = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider second = RedisLinks.CreateProvider(_time, redis.Configuration);
        ILinkFlowStateStore[] stores = [first.GetRequiredService<ILinkFlowStateStore>(), second.GetRequiredService<ILinkFlowStateStore>()];
        string key = $"sign-in:{Guid.NewGuid():N}:attempts";

        long[] counts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            stores[i % 2].IncrementAsync(key, i == 0 ? TimeSpan.FromMinutes(5) : TimeSpan.FromHours(1), default).AsTask()));

        counts.Order().Should().Equal(Enumerable.Range(1, 200).Select(i => (long)i));
        (await stores[0].GetAsync(key, default)).Should().Be("200");
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(RedisLinkFlowStateStore.KeyPrefix + key);
        ttl.Should().BeLessThanOrEqualTo(TimeSpan.FromHours(1)).And.BePositive();
    }
}
