using System.Net;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

/// <summary>
/// <c>POST /login</c> against password guessing: per address and per client. The window is an hour, so that no window
/// can end in the middle of a test however slow the machine.
/// </summary>
public sealed class SignInThrottleTests
{
    private const int Limit = 3;

    [Fact]
    public async Task Login_AfterNFailuresForOneAddress_Is429_EvenWithTheRightPassword_WhileOtherAddressesStillWork()
    {
        await using SampleFactory factory = Throttled(perAddress: Limit, perClient: 1000);
        using HttpClient client = factory.CreateClient();
        var mailbox = new DevMailbox(client);
        await client.RegisterActiveAsync(mailbox, "ann@example.com");
        await client.RegisterActiveAsync(mailbox, "bob@example.com");

        for (int i = 0; i < Limit; i++)
        {
            (await client.LoginAsync("ann@example.com", $"guess {i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using HttpResponseMessage throttled = await client.LoginAsync("ANN@example.com ", SampleClient.Password);
        using HttpResponseMessage other = await client.LoginAsync("bob@example.com", SampleClient.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the address is counted as the store normalizes it");
        throttled.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await throttled.CodeAsync()).Should().Be("too_many_attempts");
        throttled.Headers.RetryAfter.Should().NotBeNull();
        other.StatusCode.Should().Be(HttpStatusCode.OK, "another address has its own window");
    }

    [Fact]
    public async Task Login_AfterNAttemptsFromOneClient_Is429_OnAnyAddress()
    {
        await using SampleFactory factory = Throttled(perAddress: 1000, perClient: Limit);
        using HttpClient client = factory.CreateClient();

        for (int i = 0; i < Limit; i++)
        {
            (await client.LoginAsync($"user{i}@example.com", "a guess")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using HttpResponseMessage throttled = await client.LoginAsync("someone-else@example.com", "a guess");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await throttled.CodeAsync()).Should().Be("too_many_attempts");
    }

    [Fact]
    public async Task Login_Throttled_FromTheHomePageForm_IsAPageWith429()
    {
        await using SampleFactory factory = Throttled(perAddress: 1, perClient: 1000);
        using HttpClient client = factory.CreateClient();
        await client.PostFormAsync("/login", ("email", "ann@example.com"), ("password", "a guess"));

        using HttpResponseMessage throttled = await client.PostFormAsync("/login", ("email", "ann@example.com"), ("password", "a guess"));

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await throttled.Content.ReadAsStringAsync()).Should().Contain("Too many sign-in attempts").And.Contain("<nav>");
    }

    private static SampleFactory Throttled(int perAddress, int perClient) => new(settings: new Dictionary<string, string?>
    {
        ["LoginThrottle:AttemptsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LoginThrottle:AttemptsPerClient"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LoginThrottle:Window"] = "01:00:00",
    });
}
