using System.Net;
using System.Net.Http.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>Register and resend must answer alike whatever the account's state, and mail only who should get mail.</summary>
public sealed class EnumerationTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task Register_TakenEmail_AnswersExactlyLikeANewOne(string accept)
    {
        SentLink taken = await _app.RegisterAsync("taken@example.com");
        (await _app.PostTokenAsync(taken.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Time.Advance(TimeSpan.FromMinutes(1));

        Answer forNew = await SendFormAsync("/account/register", accept, ("email", "new@example.com"), ("password", TestApp.Password));
        Answer forTaken = await SendFormAsync("/account/register", accept, ("email", "taken@example.com"), ("password", "another password"));

        forTaken.Should().BeEquivalentTo(forNew);
        forNew.Status.Should().Be(HttpStatusCode.Accepted);
        _app.Sender.LastLinkTo("new@example.com").User.Id.Should().Be(_app.Store.Get("new@example.com")!.Id);
        _app.Sender.Notices.Should().ContainSingle().Which.Email.Should().Be("taken@example.com");
        _app.Sender.Links.Should().HaveCount(2, "the taken address got a notice, not a second link");
    }

    [Fact]
    public async Task Resend_UnknownActiveAndInactiveAccounts_AnswerIdentically_AndOnlyTheInactiveOneIsMailed()
    {
        SentLink active = await _app.RegisterAsync("active@example.com");
        (await _app.PostTokenAsync(active.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _app.RegisterAsync("inactive@example.com");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        int sentBefore = _app.Sender.Count;

        Answer unknown = await SendJsonAsync("/account/resend-activation", new { email = "unknown@example.com" });
        Answer forActive = await SendJsonAsync("/account/resend-activation", new { email = "active@example.com" });
        Answer forInactive = await SendJsonAsync("/account/resend-activation", new { email = "inactive@example.com" });

        unknown.Status.Should().Be(HttpStatusCode.Accepted);
        forActive.Should().BeEquivalentTo(unknown);
        forInactive.Should().BeEquivalentTo(unknown);
        _app.Sender.Count.Should().Be(sentBefore + 1);
        _app.Sender.Links[^1].User.Email.Should().Be("inactive@example.com");
    }

    [Fact]
    public async Task Resend_WithinTheThrottleWindow_Answers202AndSendsNothing()
    {
        await _app.RegisterAsync("ann@example.com");
        Answer first = await SendJsonAsync("/account/resend-activation", new { email = "ann@example.com" });

        _app.Time.Advance(TimeSpan.FromSeconds(59));
        Answer throttled = await SendJsonAsync("/account/resend-activation", new { email = "ANN@example.com" });

        throttled.Should().BeEquivalentTo(first);
        throttled.Status.Should().Be(HttpStatusCode.Accepted);
        _app.Sender.Links.Should().HaveCount(1, "registering sent the only message allowed within a minute");

        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await SendJsonAsync("/account/resend-activation", new { email = "ann@example.com" });
        _app.Sender.Links.Should().HaveCount(2, "the window has passed");
    }

    [Fact]
    public async Task Register_TakenEmailRepeatedly_SendsOneNoticePerWindow()
    {
        SentLink taken = await _app.RegisterAsync("taken@example.com");
        (await _app.PostTokenAsync(taken.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Time.Advance(TimeSpan.FromMinutes(1));

        for (int i = 0; i < 5; i++)
        {
            Answer answer = await SendJsonAsync("/account/register", new { email = "taken@example.com", password = TestApp.Password });
            answer.Status.Should().Be(HttpStatusCode.Accepted);
        }

        _app.Sender.Notices.Should().HaveCount(1);
    }

    [Fact]
    public async Task Throttle_WindowOfZero_TurnsItOff()
    {
        await using TestApp app = await TestApp.StartAsync(o => o.EmailThrottleWindow = TimeSpan.Zero);
        await app.RegisterAsync("ann@example.com");

        for (int i = 0; i < 3; i++)
        {
            await app.Client.PostAsJsonAsync("/account/resend-activation", new { email = "ann@example.com" });
        }

        app.Sender.Links.Should().HaveCount(4);
    }

    private async Task<Answer> SendJsonAsync(string path, object body)
    {
        using HttpResponseMessage response = await _app.Client.PostAsJsonAsync(path, body);
        return await Answer.ReadAsync(response);
    }

    private async Task<Answer> SendFormAsync(string path, string accept, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Accept.ParseAdd(accept);
        using HttpResponseMessage response = await _app.Client.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    /// <summary>Everything a client sees of an answer but its <c>Date</c>.</summary>
    private sealed record Answer(HttpStatusCode Status, string Headers, string Body)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            string headers = string.Join(
                "\n",
                response.Headers.Concat(response.Content.Headers)
                    .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(h => h.Key + ": " + string.Join(",", h.Value)));
            return new Answer(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
        }
    }
}
