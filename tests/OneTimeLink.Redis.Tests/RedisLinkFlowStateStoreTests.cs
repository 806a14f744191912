using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

/// <summary>With the Redis store, the link flows' state — the per-account mail throttle — is shared by every instance.</summary>
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
}
