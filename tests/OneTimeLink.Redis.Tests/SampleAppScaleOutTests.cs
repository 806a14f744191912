using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using OneTimeLink.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneTimeLink.Redis.Tests;

/// <summary>
/// The sample app run twice, as two processes sharing one SQLite file and one Redis, as a site behind a load balancer
/// is. An activation link redeemed on one instance must be refused on the other.
/// </summary>
/// <remarks>
/// The account's activation state is bound into its link, so once the account is active a replayed link is refused
/// before the redemption store is even asked, and the adapter answers 200 <c>already_active</c> to it by design. What
/// proves that the store is shared is therefore what Redis recorded, and links posted to both instances at the same
/// moment, before either has activated the account: with a store per instance each instance would let one through.
/// </remarks>
[Collection(RedisCollection.Name)]
public sealed class SampleAppScaleOutTests(RedisFixture redis, ITestOutputHelper output)
{
    /// <summary>
    /// With a store per instance, about two races in three let a post through on each instance (measured on a 2-core
    /// machine): ten races make the test all but certain to catch it.
    /// </summary>
    private const int Races = 10;

    private const int PostsPerRace = 20;

    /// <summary>The sample's activation link lifetime and the library's default clock skew.</summary>
    private static readonly TimeSpan s_linkLifetime = TimeSpan.FromHours(2);

    private static readonly TimeSpan s_clockSkew = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task ActivationLink_RedeemedOnInstanceB_IsRecordedInTheSharedRedis_AndRefusedOnInstanceA()
    {
        await using SampleCluster cluster = await SampleCluster.StartAsync(redis.Configuration);
        await cluster.ShowingOutputOnFailureAsync(async (a, b) =>
        {
            using HttpResponseMessage healthA = await a.Client.GetAsync(new Uri("/health", UriKind.Relative));
            using HttpResponseMessage healthB = await b.Client.GetAsync(new Uri("/health", UriKind.Relative));
            healthA.StatusCode.Should().Be(HttpStatusCode.OK, "instance A uses the Redis store, whose health check is mapped");
            healthB.StatusCode.Should().Be(HttpStatusCode.OK, "instance B uses the Redis store, whose health check is mapped");

            await a.RegisterAsync("ann@example.com");
            Uri link = await a.LatestLinkToAsync("ann@example.com");
            string token = SampleInstance.TokenOf(link);
            string key = RedisRedemptionStoreOptions.DefaultKeyPrefix + new JsonWebToken(token).Id;
            link.GetLeftPart(UriPartial.Authority).Should().Be(a.BaseAddress.GetLeftPart(UriPartial.Authority));
            (await b.LatestLinkToAsync("ann@example.com")).Should().Be(link, "the instances share one SQLite file");
            (await redis.Database.KeyExistsAsync(key)).Should().BeFalse("the link is not redeemed yet");

            ActivationAnswer onB = await b.ActivateAsync(token);
            TimeSpan? recorded = await redis.Database.KeyTimeToLiveAsync(key);
            ActivationAnswer replayOnA = await a.ActivateAsync(token);

            onB.Status.Should().Be(HttpStatusCode.OK, "instance B answered {0}", onB);
            onB.Code.Should().Be("activated");
            recorded.Should().NotBeNull("instance B recorded the redemption in the Redis that instance A asks, with a time to live")
                .And.BeGreaterThan(TimeSpan.Zero)
                .And.BeLessThanOrEqualTo(s_linkLifetime + s_clockSkew + s_clockSkew, "the key lives as long as the link can validate, and one clock skew more for instances whose clocks are behind");
            replayOnA.Status.Should().Be(HttpStatusCode.OK, "instance A answered {0}", replayOnA);
            replayOnA.Code.Should().Be("already_active", "a replay never activates again");
        });
    }

    [RedisFact]
    public async Task ActivationLink_PostedToBothInstancesAtOnce_ActivatesExactlyOnce()
    {
        await using SampleCluster cluster = await SampleCluster.StartAsync(redis.Configuration);
        await cluster.ShowingOutputOnFailureAsync(async (a, b) =>
        {
            SampleInstance[] instances = [a, b];
            int refusedAsUsed = 0;
            for (int race = 0; race < Races; race++)
            {
                string email = $"race-{race}@example.com";
                await a.RegisterAsync(email);
                string token = SampleInstance.TokenOf(await a.LatestLinkToAsync(email));
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

                // Every post waits at the gate, then all go at once, alternately to A and B.
                Task<ActivationAnswer>[] posts = Enumerable.Range(0, PostsPerRace)
                    .Select(async i =>
                    {
                        await start.Task;
                        return await instances[i % 2].ActivateAsync(token);
                    })
                    .ToArray();
                start.SetResult();
                ActivationAnswer[] answers = await Task.WhenAll(posts);

                string all = string.Join("\n", answers.Select(x => x.ToString()));
                answers.Count(x => x.Code == "activated").Should().Be(1, "race {0}: one link activates once, whichever instance gets it; the answers were\n{1}", race, all);
                answers.Should().OnlyContain(
                    x => (x.Status == HttpStatusCode.OK && (x.Code == "activated" || x.Code == "already_active"))
                        || (x.Status == HttpStatusCode.Gone && x.Code == "link_used"),
                    "race {0}: every other post is refused, as used while the account was being activated or as already active after; the answers were\n{1}",
                    race,
                    all);
                refusedAsUsed += answers.Count(x => x.Code == "link_used");
            }

            output.WriteLine($"{Races} races of {PostsPerRace} posts over two instances: one activation each; {refusedAsUsed} posts refused as link_used (redeemed on the other instance before the account was active).");
        });
    }
}
