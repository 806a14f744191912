using System.Net;
using System.Net.Http.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>
/// No request endpoint tells by its timing whether an account exists: every answer is written before the store is
/// touched. Proven without a clock: the store is held shut on a gate while every request is answered, for new,
/// unknown, inactive and active addresses alike, and only then let through.
/// </summary>
public sealed class TimingEnumerationTests
{
    public static TheoryData<string, string> Requests => new()
    {
        { "register", "/account/register" },
        { "resend activation", "/account/resend-activation" },
        { "forgot password", "/account/forgot-password" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task RequestEndpoint_AnswersEveryAddressWhileTheStoreIsStillBlocked(string name, string path)
    {
        await using TestApp app = await TestApp.StartAsync();
        SentLink active = await app.RegisterAsync("active@example.com");
        (await app.PostTokenAsync(active.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await app.RegisterAsync("inactive@example.com");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        int sentBefore = app.Sender.Count;

        using var gate = new SemaphoreSlim(0);
        app.Store.Gate = gate;
        var bodies = new List<(HttpStatusCode Status, string Body)>();
        foreach (string email in new[] { "new@example.com", "unknown@example.com", "inactive@example.com", "active@example.com" })
        {
            using HttpResponseMessage response = await app.ImmediateClient.PostAsJsonAsync(path, new { email, password = TestApp.Password });
            bodies.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        bodies.Should().AllSatisfy(b => b.Status.Should().Be(HttpStatusCode.Accepted));
        bodies.Select(b => b.Body).Distinct().Should().ContainSingle("{0} answers every address with the same bytes", name);
        app.Sender.Count.Should().Be(sentBefore, "nothing can have been sent while the store is blocked");

        gate.Release();
        await app.Queue.WhenIdleAsync();
        app.Sender.Count.Should().BeGreaterThan(sentBefore, "{0} does its work once the store answers", name);
    }
}
