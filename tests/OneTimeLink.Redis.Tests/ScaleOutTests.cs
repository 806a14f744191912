using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

/// <summary>Two service providers stand for two instances of an app behind a load balancer, sharing one Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScaleOutTests(RedisFixture redis)
{
    /// <summary>The library's default clock skew, which these providers keep.</summary>
    private static readonly TimeSpan s_skew = new OneTimeLinkOptions().ClockSkew;

    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [RedisFact]
    public async Task RedeemAsync_RedeemedOnInstanceA_IsAlreadyRedeemedOnInstanceB()
    {
        await using ServiceProvider a = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider b = RedisLinks.CreateProvider(_time, redis.Configuration);
        IOneTimeLinkService instanceA = a.GetRequiredService<IOneTimeLinkService>();
        IOneTimeLinkService instanceB = b.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await instanceA.IssueAsync(TestLinks.Activate, "user-1");

        LinkValidationResult onA = await instanceA.RedeemAsync(link.Token, TestLinks.Activate);
        LinkValidationResult onB = await instanceB.RedeemAsync(link.Token, TestLinks.Activate);
        LinkValidationResult againOnA = await instanceA.RedeemAsync(link.Token, TestLinks.Activate);

        onA.Succeeded.Should().BeTrue();
        onB.Failure.Should().Be(LinkFailure.AlreadyRedeemed);
        onB.Subject.Should().Be("user-1", "a refused link still names its subject, so the app can say \"already active\"");
        againOnA.Failure.Should().Be(LinkFailure.AlreadyRedeemed);
    }

    [RedisFact]
    public async Task RedeemAsync_200ConcurrentRedeemsOverTwoInstances_ExactlyOneSucceeds()
    {
        await using ServiceProvider a = RedisLinks.CreateProvider(_time, redis.Configuration);
        await using ServiceProvider b = RedisLinks.CreateProvider(_time, redis.Configuration);
        IOneTimeLinkService[] instances = [a.GetRequiredService<IOneTimeLinkService>(), b.GetRequiredService<IOneTimeLinkService>()];
        IssuedLink link = await instances[0].IssueAsync(TestLinks.Activate, "user-2");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Every redeem waits at the gate, then all continue at once on the thread pool.
        Task<LinkValidationResult>[] redeems = Enumerable.Range(0, 200)
            .Select(async i =>
            {
                await start.Task;
                return await instances[i % 2].RedeemAsync(link.Token, TestLinks.Activate);
            })
            .ToArray();
        start.SetResult();
        LinkValidationResult[] results = await Task.WhenAll(redeems);

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().AllSatisfy(r => r.Failure.Should().Be(LinkFailure.AlreadyRedeemed));
    }

    [RedisFact]
    public async Task RedeemAsync_KeyOutlivesTheTokenByOneClockSkew()
    {
        await using ServiceProvider a = RedisLinks.CreateProvider(_time, redis.Configuration);
        IOneTimeLinkService links = a.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-3");
        _time.Advance(TimeSpan.FromMinutes(30));

        LinkValidationResult result = await links.RedeemAsync(link.Token, TestLinks.Activate);
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(RedisRedemptionStoreOptions.DefaultKeyPrefix + link.TokenId);

        result.Succeeded.Should().BeTrue();
        ttl.Should().BeCloseTo(link.ExpiresAt + s_skew + s_skew - _time.GetUtcNow(), TimeSpan.FromSeconds(1));
    }

    [RedisFact]
    public async Task RedeemAsync_InstanceWithItsClockTenSecondsBehind_RefusesALinkRedeemedAtTheEndOfItsLifeOnTheOther()
    {
        var fastClock = new FakeTimeProvider(TestLinks.Start);
        var slowClock = new FakeTimeProvider(TestLinks.Start - TimeSpan.FromSeconds(10));
        await using ServiceProvider fast = RedisLinks.CreateProvider(fastClock, redis.Configuration);
        await using ServiceProvider slow = RedisLinks.CreateProvider(slowClock, redis.Configuration);
        IOneTimeLinkService onFast = fast.GetRequiredService<IOneTimeLinkService>();
        IOneTimeLinkService onSlow = slow.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await onFast.IssueAsync(TestLinks.Activate, "user-drift");

        // The link's last millisecond by the fast clock; by the slow one it has ten seconds more to live.
        TimeSpan toLastMillisecond = link.ExpiresAt + s_skew - TimeSpan.FromMilliseconds(1) - fastClock.GetUtcNow();
        fastClock.Advance(toLastMillisecond);
        slowClock.Advance(toLastMillisecond);
        LinkValidationResult first = await onFast.RedeemAsync(link.Token, TestLinks.Activate);
        TimeSpan? recordedFor = await redis.Database.KeyTimeToLiveAsync(RedisRedemptionStoreOptions.DefaultKeyPrefix + link.TokenId);
        LinkValidationResult second = await onSlow.RedeemAsync(link.Token, TestLinks.Activate);

        first.Succeeded.Should().BeTrue();
        (await onSlow.ValidateAsync(link.Token, TestLinks.Activate)).Succeeded.Should().BeTrue("by the slow clock the link is still valid");
        recordedFor.Should().BeGreaterThan(link.ExpiresAt + s_skew - slowClock.GetUtcNow(), "the record outlives the link by the slow clock too");
        second.Failure.Should().Be(LinkFailure.AlreadyRedeemed);
    }
}
