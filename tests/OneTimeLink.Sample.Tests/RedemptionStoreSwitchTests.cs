using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

/// <summary>
/// <c>ConnectionStrings:Redis</c> switches the sample from the in-memory redemption store to Redis, with a health check.
/// The two-process scale-out test against a real Redis is <c>SampleAppScaleOutTests</c> in OneTimeLink.Redis.Tests.
/// </summary>
public sealed class RedemptionStoreSwitchTests
{
    [Fact]
    public async Task WithoutARedisConnectionString_LinksAreRedeemedInMemory_AndNoHealthEndpointIsMapped()
    {
        await using var factory = new SampleFactory();
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage activated = await RegisterAndActivateAsync(client, "ann@example.com");
        using HttpResponseMessage health = await client.GetAsync("/health");

        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        health.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithARedisConnectionString_LinksAreRedeemedInRedis_AndHealthReportsItUnreachable()
    {
        // Nothing listens there: the sample must refuse the link rather than fall back to a store of its own.
        await using var factory = new SampleFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"127.0.0.1:{ClosedPort()}" });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage refused = await RegisterAndActivateAsync(client, "ann@example.com");
        using HttpResponseMessage health = await client.GetAsync("/health");

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("store_unavailable");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
    }

    private static async Task<HttpResponseMessage> RegisterAndActivateAsync(HttpClient client, string email)
    {
        using HttpResponseMessage registered = await client.PostAsJsonAsync("/account/register", new { email, password = "correct horse battery" });
        registered.StatusCode.Should().Be(HttpStatusCode.Accepted);

        Uri link = await new DevMailbox(client).LinkAsync(email, "activation");
        string token = DevMailbox.TokenOf(link);

        return await client.PostAsJsonAsync("/account/activate", new { token });
    }

    /// <summary>A 127.0.0.1 port that was free a moment ago, so that connections to it are refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
