using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class ActivationFlowTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Register_Land_Activate_ActivatesOnceAndThenAnswersAlreadyActive()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        sent.User.IsActive.Should().BeFalse();
        sent.ExpiresAt.Should().Be(TestApp.Start.AddHours(2), "an unconfigured activation purpose lives two hours");

        // Mail scanners and link previews fetch the link: twice here, and nothing may be consumed.
        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage landing = await _app.Client.GetAsync(sent.PathAndQuery);
            string html = await landing.ShouldBeHtmlAsync(HttpStatusCode.OK);
            html.Should().Contain("Activate my account").And.Contain(sent.Token);
        }

        _app.Store.Get("ann@example.com")!.IsActive.Should().BeFalse();

        using HttpResponseMessage activated = await _app.PostTokenAsync(sent.Token);
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await activated.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();

        using HttpResponseMessage again = await _app.PostTokenAsync(sent.Token);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("already_active");
    }

    [Fact]
    public async Task Activate_ManyConcurrentClicks_ActivateExactlyOnce()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _app.PostTokenAsync(sent.Token)));

        string[] outcomes = await Task.WhenAll(responses.Select(async r =>
        {
            JsonElement body = await r.ReadJsonAsync();
            return body.TryGetProperty("status", out JsonElement status) ? status.GetString()! : body.GetProperty("code").GetString()!;
        }));
        outcomes.Count(o => o == "activated").Should().Be(1);
        outcomes.Should().OnlyContain(o => o == "activated" || o == "already_active" || o == "link_used", "the losers answer by what they saw");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
        Array.ForEach(responses, r => r.Dispose());
    }

    [Fact]
    public async Task Landing_AfterActivation_ReportsAlreadyActive()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        (await _app.PostTokenAsync(sent.Token)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery);
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        JsonElement status = await response.ReadJsonAsync();
        status.GetProperty("valid").GetBoolean().Should().BeFalse();
        status.GetProperty("code").GetString().Should().Be("already_active");
    }

    [Fact]
    public async Task LandingForm_PostedByABrowser_AnswersWithAPage()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/activate")
        {
            Content = new FormUrlEncodedContent([new("token", sent.Token)]),
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().Contain("Your account is active");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task FormPost_AskingForJson_GetsJson()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/activate")
        {
            Content = new FormUrlEncodedContent([new("token", sent.Token)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
    }

    [Fact]
    public async Task Register_AsAForm_CreatesTheUserAndAnswersWithAPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = new FormUrlEncodedContent([new("email", "bob@example.com"), new("password", TestApp.Password)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.Accepted);
        html.Should().Contain("Check your email");
        _app.Sender.LastLinkTo("bob@example.com").User.Id.Should().Be(_app.Store.Get("bob@example.com")!.Id);
    }

    [Fact]
    public async Task Register_PassesTheTrimmedEmailAndTheExactPasswordToTheStore()
    {
        using HttpResponseMessage response = await _app.Client.PostAsJsonAsync(
            "/account/register",
            new { email = "  carol@example.com ", password = " spaced password " });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _app.Store.Get("carol@example.com")!.Email.Should().Be("carol@example.com");
        _app.Store.PasswordsReceived.Should().Equal(" spaced password ");
    }

    [Fact]
    public async Task Resend_SupersedesTheOlderLink()
    {
        SentLink first = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromMinutes(1));

        using HttpResponseMessage resent = await _app.Client.PostAsJsonAsync("/account/resend-activation", new { email = "ann@example.com" });
        resent.StatusCode.Should().Be(HttpStatusCode.Accepted);
        SentLink second = _app.Sender.LastLinkTo("ann@example.com");
        second.Token.Should().NotBe(first.Token);

        using HttpResponseMessage old = await _app.PostTokenAsync(first.Token);
        await old.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");

        using HttpResponseMessage current = await _app.PostTokenAsync(second.Token);
        (await current.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
    }
}
