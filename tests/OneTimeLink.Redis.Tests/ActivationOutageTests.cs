using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;
using OneTimeLink.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneTimeLink.Redis.Tests;

/// <summary>The activation endpoint in front of the Redis store: a Redis outage is a 503 the person can retry, never an activation.</summary>
[Collection(OutageCollection.Name)]
public sealed class ActivationOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_storeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A bound, not a wait: a refused activation answers well before this even on a busy machine.</summary>
    private static readonly TimeSpan s_answerBound = s_storeTimeout + TimeSpan.FromSeconds(2);

    /// <summary>The multiplexer retries with a backoff of a few seconds; recovery must happen well within this.</summary>
    private static readonly TimeSpan s_recoveryBound = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task Activate_RedisKilled_Answers503StoreUnavailable_AndTheSameLinkActivatesOnceRedisIsBack()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using RedisAdapterApp app = await RedisAdapterApp.StartAsync(server.Configuration, s_storeTimeout);
        SentLink before = await app.RegisterAsync("before@example.com");
        using (HttpResponseMessage activated = await app.PostTokenAsync(before.Token))
        {
            activated.StatusCode.Should().Be(HttpStatusCode.OK, "Redis is up before the outage");
        }

        SentLink link = await app.RegisterAsync("ann@example.com");
        await server.KillAsync();
        var elapsed = Stopwatch.StartNew();
        using HttpResponseMessage refused = await app.PostTokenAsync(link.Token);
        elapsed.Stop();

        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "store_unavailable");
        elapsed.Elapsed.Should().BeLessThan(s_answerBound);
        app.Store.Get("ann@example.com")!.IsActive.Should().BeFalse("a link is never accepted without a recorded redemption");

        await server.RestartAsync();
        (HttpResponseMessage recovered, TimeSpan recovery) = await PostUntilAnsweredAsync(app, link.Token);
        using (recovered)
        {
            recovered.StatusCode.Should().Be(HttpStatusCode.OK);
            (await recovered.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated", "the outage left the link unused");
        }

        app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
        output.WriteLine($"POST /account/activate during the outage: 503 store_unavailable in {elapsed.Elapsed.TotalMilliseconds:0} ms (timeout {s_storeTimeout}); the same link activated {recovery.TotalMilliseconds:0} ms after Redis answered PING again.");
    }

    /// <summary>Posts the token until the answer is no longer 503, within <see cref="s_recoveryBound"/>; returns that answer and how long it took.</summary>
    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> PostUntilAnsweredAsync(RedisAdapterApp app, string token)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            HttpResponseMessage response = await app.PostTokenAsync(token);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return (response, elapsed.Elapsed);
            }

            JsonElement problem = await response.ReadJsonAsync();
            response.Dispose();
            problem.GetProperty("code").GetString().Should().Be("store_unavailable");
            elapsed.Elapsed.Should().BeLessThan(s_recoveryBound, "the store reconnects by itself once Redis is back");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
