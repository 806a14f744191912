using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisRedemptionStoreTests(RedisFixture redis)
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    [RedisFact]
    public async Task TryRedeemAsync_SameId_IsTrueOnlyTheFirstTime()
    {
        await using ServiceProvider services = CreateProvider();
        IRedemptionStore store = services.GetRequiredService<IRedemptionStore>();
        DateTimeOffset expiresAt = _time.GetUtcNow().AddMinutes(5);

        bool first = await store.TryRedeemAsync("jti-1", expiresAt, default);
        bool second = await store.TryRedeemAsync("jti-1", expiresAt, default);
        bool other = await store.TryRedeemAsync("jti-2", expiresAt, default);

        store.Should().BeOfType<RedisRedemptionStore>();
        first.Should().BeTrue();
        second.Should().BeFalse();
        other.Should().BeTrue();
    }

    [RedisFact]
    public async Task TryRedeemAsync_WritesTheKeyUnderTheConfiguredPrefix()
    {
        await using ServiceProvider services = CreateProvider();
        IRedemptionStore store = services.GetRequiredService<IRedemptionStore>();

        await store.TryRedeemAsync("jti-prefixed", _time.GetUtcNow().AddMinutes(5), default);

        (await redis.Database.KeyExistsAsync(_prefix + "jti-prefixed")).Should().BeTrue();
        (await redis.Database.KeyExistsAsync(RedisRedemptionStoreOptions.DefaultKeyPrefix + "jti-prefixed")).Should().BeFalse();
    }

    [RedisFact]
    public async Task TryRedeemAsync_KeyLivesUntilExpiresAtAndOneClockSkewMore()
    {
        await using ServiceProvider services = CreateProvider();
        IRedemptionStore store = services.GetRequiredService<IRedemptionStore>();

        await store.TryRedeemAsync("jti-ttl", _time.GetUtcNow().AddMinutes(10), default);

        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(_prefix + "jti-ttl");
        ttl.Should().BeCloseTo(TimeSpan.FromMinutes(10) + new OneTimeLinkOptions().ClockSkew, TimeSpan.FromSeconds(1));
    }

    [RedisFact]
    public async Task TryRedeemAsync_ExpiresAtAlreadyPassed_RecordsItBrieflyInsteadOfFailing()
    {
        await using ServiceProvider services = CreateProvider();
        IRedemptionStore store = services.GetRequiredService<IRedemptionStore>();

        bool first = await store.TryRedeemAsync("jti-late", _time.GetUtcNow().AddSeconds(-1), default);

        first.Should().BeTrue();
    }

    private ServiceProvider CreateProvider() =>
        RedisLinks.CreateProvider(_time, redis.Configuration, options => options.KeyPrefix = _prefix);
}
