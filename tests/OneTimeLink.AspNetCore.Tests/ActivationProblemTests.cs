using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class ActivationProblemTests : IAsyncLifetime
{
    private const string ResendUri = "https://app.example/account/resend-activation";

    private TestApp _app = null!;

    public static TheoryData<string, string> InvalidLinks => new()
    {
        { "Malformed_NotAToken", "not-a-token" },
        { "Malformed_TwoParts", "abc.def" },
        { "InvalidSignature_OtherSecret", TokenForge.Create(secret: TokenForge.OtherSecret) },
        { "InvalidSignature_AlgNone", TokenForge.Create(algorithm: "none") },
        { "UnknownKey_RetiredKid", TokenForge.Create(keyId: "retired") },
        { "WrongPurpose_ResetPassword", TokenForge.Create(c => c["pur"] = "reset-password") },
        { "WrongIssuer", TokenForge.Create(c => c["iss"] = "https://evil.example") },
        { "WrongAudience", TokenForge.Create(c => c["aud"] = "api") },
        { "NotYetValid_NbfInAnHour", TokenForge.Create(c => c["nbf"] = TestApp.Start.AddHours(1).ToUnixTimeSeconds()) },
    };

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(InvalidLinks))]
    public async Task Activate_InvalidLink_Answers400LinkInvalid(string name, string token)
    {
        using HttpResponseMessage response = await _app.PostTokenAsync(token);

        JsonElement problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link_invalid");
        problem.TryGetProperty("resend", out _).Should().BeFalse(name + " is no genuine link to replace");
        response.ShouldHaveSecurityHeaders();
    }

    [Theory]
    [MemberData(nameof(InvalidLinks))]
    public async Task Landing_InvalidLink_ReportsLinkInvalid(string name, string token)
    {
        using HttpResponseMessage response = await GetLandingJsonAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.OK, name);
        JsonElement status = await response.ReadJsonAsync();
        status.GetProperty("valid").GetBoolean().Should().BeFalse();
        status.GetProperty("code").GetString().Should().Be("link_invalid");
    }

    [Fact]
    public async Task Activate_EmptyOrMissingToken_Answers400LinkInvalid()
    {
        using HttpResponseMessage empty = await _app.PostTokenAsync(string.Empty);
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link_invalid");

        using HttpResponseMessage missing = await _app.Client.PostAsJsonAsync("/account/activate", new { });
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link_invalid");
    }

    [Fact]
    public async Task Activate_ExpiredLink_Answers410LinkExpiredPointingToResend()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(30)); // expiry plus the 30 s clock skew

        using HttpResponseMessage response = await _app.PostTokenAsync(sent.Token);

        JsonElement problem = await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_expired");
        problem.GetProperty("resend").GetString().Should().Be(ResendUri);
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeFalse();
    }

    [Fact]
    public async Task Activate_OneSecondBeforeExpiryPlusSkew_Activates()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(29));

        using HttpResponseMessage response = await _app.PostTokenAsync(sent.Token);

        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
    }

    [Fact]
    public async Task Landing_ExpiredLink_OffersAFormToAskForANewLink()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromHours(3));

        using HttpResponseMessage response = await _app.Client.GetAsync(sent.PathAndQuery);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().Contain("has expired").And.Contain("action=\"/account/resend-activation\"").And.NotContain(sent.Token);

        using HttpResponseMessage json = await GetLandingJsonAsync(sent.Token);
        JsonElement status = await json.ReadJsonAsync();
        status.GetProperty("code").GetString().Should().Be("link_expired");
        status.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(sent.ExpiresAt);
    }

    [Fact]
    public async Task Activate_ExpiredFormPost_AnswersAPageWith410()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromHours(3));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/activate")
        {
            Content = new FormUrlEncodedContent([new("token", sent.Token)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.Gone);
        html.Should().Contain("Send me a new link");
        response.ShouldHaveSecurityHeaders();
    }

    [Fact]
    public async Task Activate_ExpiredLinkOfAnActiveAccount_AnswersAlreadyActive()
    {
        SentLink first = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.Client.PostAsJsonAsync("/account/resend-activation", new { email = "ann@example.com" });
        (await _app.PostTokenAsync(_app.Sender.LastLinkTo("ann@example.com").Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Time.Advance(TimeSpan.FromHours(3));

        using HttpResponseMessage response = await _app.PostTokenAsync(first.Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("already_active");
    }

    [Fact]
    public async Task Activate_LinkRedeemedWithoutEffect_ActivatesOnRetry_ExactlyOnce()
    {
        // The redemption was recorded, but the activation never happened (a store answer after its timeout, a crash
        // between the two): the account's state is unchanged, so the same link finishes the job on retry.
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        IOneTimeLinkService links = _app.Services.GetRequiredService<IOneTimeLinkService>();
        (await links.RedeemAsync(sent.Token, TestApp.Purpose)).Succeeded.Should().BeTrue("a request recorded the redemption and went no further");

        using HttpResponseMessage retry = await _app.PostTokenAsync(sent.Token);
        using HttpResponseMessage again = await _app.PostTokenAsync(sent.Token);

        (await retry.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
        (await again.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("already_active");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
        _app.Logs.GetSnapshot().Count(r => r.Id.Name == "UserActivated").Should().Be(1);
    }

    [Fact]
    public async Task Activate_UserStoreFails_Answers503ThatTheLinkStillWorks_AndTheRetryActivates()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Store.FailActivations(1);

        using HttpResponseMessage failed = await _app.PostTokenAsync(sent.Token);
        JsonElement problem = await failed.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "store_unavailable");
        problem.GetProperty("detail").GetString().Should().Contain("your link still works");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeFalse();

        using HttpResponseMessage retry = await _app.PostTokenAsync(sent.Token);

        (await retry.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task SupersededLink_Answers410LinkRevoked_OnPostAndLanding()
    {
        SentLink first = await _app.RegisterAsync("ann@example.com");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.Client.PostAsJsonAsync("/account/resend-activation", new { email = "ann@example.com" });

        using HttpResponseMessage landing = await GetLandingJsonAsync(first.Token);
        (await landing.ReadJsonAsync()).GetProperty("code").GetString().Should().Be("link_revoked");

        using HttpResponseMessage response = await _app.PostTokenAsync(first.Token);
        JsonElement problem = await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        problem.GetProperty("resend").GetString().Should().Be(ResendUri);
    }

    [Fact]
    public async Task Activate_LinkOfADeletedAccount_Answers410LinkRevoked()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        _app.Store.Delete(sent.User.Id);

        using HttpResponseMessage response = await _app.PostTokenAsync(sent.Token);

        await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
    }

    [Fact]
    public async Task Activate_RedemptionStoreDown_Answers503AndTheLinkStillWorksLater()
    {
        await using TestApp app = await TestApp.StartAsync(services: s => s.AddSingleton<IRedemptionStore, ThrowingRedemptionStore>());
        SentLink sent = await app.RegisterAsync("ann@example.com");

        using HttpResponseMessage response = await app.PostTokenAsync(sent.Token);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "store_unavailable");
        app.Store.Get("ann@example.com")!.IsActive.Should().BeFalse();
        using var landing = new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery);
        landing.Headers.Accept.ParseAdd("application/json");
        (await (await app.Client.SendAsync(landing)).ReadJsonAsync()).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    private Task<HttpResponseMessage> GetLandingJsonAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/activate?token=" + Uri.EscapeDataString(token));
        request.Headers.Accept.ParseAdd("application/json");
        return _app.Client.SendAsync(request);
    }
}
