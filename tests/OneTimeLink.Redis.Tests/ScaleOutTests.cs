using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redis.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests;

/// <summary>Two service providers stand for two instances of an app behind a load balancer, sharing one Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScaleOutTests(RedisFixture redis)
{
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
    public async Task RedeemAsync_KeyExpiresWhenTheTokenCanNoLongerValidate()
    {
        var skew = TimeSpan.FromSeconds(30);
        await using ServiceProvider a = RedisLinks.CreateProvider(_time, redis.Configuration);
        IOneTimeLinkService links = a.GetRequiredService<IOneTimeLinkService>();
        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-3");
        _time.Advance(TimeSpan.FromMinutes(30));

        LinkValidationResult result = await links.RedeemAsync(link.Token, TestLinks.Activate);
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(RedisRedemptionStoreOptions.DefaultKeyPrefix + link.TokenId);

        result.Succeeded.Should().BeTrue();
        ttl.Should().BeCloseTo(link.ExpiresAt + skew - _time.GetUtcNow(), TimeSpan.FromSeconds(1));
    }
}
