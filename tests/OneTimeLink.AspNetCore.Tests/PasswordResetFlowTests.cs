using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>Password reset through HTTP: a refused password never uses the link up; a reset ends everything older.</summary>
public sealed class PasswordResetFlowTests : IAsyncLifetime
{
    private const string Email = "ann@example.com";
    private const string NewPassword = "a brand new secret";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Forgot_Land_RefusedPassword_GoodPassword_ResetsOnceAndEndsTheOldPasswordAndSessions()
    {
        await ActiveAccountAsync();
        string sessionStamp = _app.Store.StampOf(Email);

        SentLink sent = await _app.ForgotPasswordAsync(Email);
        sent.ExpiresAt.Should().Be(_app.Time.GetUtcNow().AddMinutes(30), "an unconfigured reset purpose lives 30 minutes");

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage landing = await _app.Client.GetAsync(sent.PathAndQuery);
            string html = await landing.ShouldBeHtmlAsync(HttpStatusCode.OK);
            html.Should().Contain("type=\"password\"").And.Contain("autocomplete=\"new-password\"").And.Contain("action=\"/account/reset-password\"");
        }

        using HttpResponseMessage tooShort = await ResetAsync(sent.Token, "short");
        (await tooShort.ReadJsonAsync()).GetProperty("errors").GetProperty("password").GetArrayLength().Should().Be(1);
        tooShort.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using HttpResponseMessage refused = await ResetAsync(sent.Token, "my password is long");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("password")[0].GetString().Should().Contain("must not contain");

        using HttpResponseMessage reset = await ResetAsync(sent.Token, NewPassword);
        reset.StatusCode.Should().Be(HttpStatusCode.OK, "neither refusal used the link up");
        (await reset.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("password_reset");

        using HttpResponseMessage again = await ResetAsync(sent.Token, "another new secret");
        await again.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");

        _app.Store.HasPassword(Email, TestApp.Password).Should().BeFalse();
        _app.Store.HasPassword(Email, NewPassword).Should().BeTrue();
        _app.Store.StampOf(Email).Should().NotBe(sessionStamp, "a session started before the reset no longer validates");
        _app.Sender.PasswordChangedNotices.Should().ContainSingle().Which.Email.Should().Be(Email);
    }

    [Fact]
    public async Task Reset_EndsEveryOtherOutstandingResetLink()
    {
        await ActiveAccountAsync();
        SentLink first = await _app.ForgotPasswordAsync(Email);
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        SentLink second = await _app.ForgotPasswordAsync(Email);

        (await ResetAsync(second.Token, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);

        using HttpResponseMessage older = await ResetAsync(first.Token, "yet another secret");
        JsonElement problem = await older.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        problem.GetProperty("resend").GetString().Should().Be(TestApp.PublicBase + "/account/forgot-password");
        _app.Store.HasPassword(Email, NewPassword).Should().BeTrue();
    }

    [Fact]
    public async Task Reset_OfAnInactiveAccount_ActivatesIt_BecauseTheLinkProvedTheAddress()
    {
        await _app.RegisterAsync(Email);
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        SentLink sent = await _app.ForgotPasswordAsync(Email);

        (await ResetAsync(sent.Token, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);

        _app.Store.Get(Email)!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Forgot_UnknownAddress_Answers202AndSendsNothing()
    {
        using HttpResponseMessage response = await _app.Client.PostAsJsonAsync("/account/forgot-password", new { email = "nobody@example.com" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _app.Sender.Count.Should().Be(0);
    }

    [Fact]
    public async Task Forgot_RightAfterTheActivationMail_IsThrottled_BecauseTheThrottleIsSharedByEveryFlow()
    {
        await _app.RegisterAsync(Email);

        using HttpResponseMessage response = await _app.Client.PostAsJsonAsync("/account/forgot-password", new { email = Email });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _app.Sender.ResetLinks.Should().BeEmpty("the activation mail was sent within the minute");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.ForgotPasswordAsync(Email);
    }

    [Fact]
    public async Task ResetForm_RefusedPassword_ShowsTheFormAgainWithTheProblem_AndTheLinkStillWorks()
    {
        await ActiveAccountAsync();
        SentLink sent = await _app.ForgotPasswordAsync(Email);

        using HttpResponseMessage refused = await PostFormAsync(sent.Token, "my password is long");
        string html = await refused.ShouldBeHtmlAsync(HttpStatusCode.BadRequest);
        html.Should().Contain("must not contain").And.Contain($"value=\"{sent.Token}\"").And.Contain("autocomplete=\"new-password\"");

        using HttpResponseMessage reset = await PostFormAsync(sent.Token, NewPassword);
        string done = await reset.ShouldBeHtmlAsync(HttpStatusCode.OK);
        done.Should().Contain("Your password was changed");
    }

    [Fact]
    public async Task ResetLink_IsNoActivationLink_AndAnActivationLinkIsNoResetLink()
    {
        SentLink activation = await _app.RegisterAsync(Email);
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        SentLink reset = await _app.ForgotPasswordAsync(Email);

        using HttpResponseMessage activationAsReset = await ResetAsync(activation.Token, NewPassword);
        using HttpResponseMessage resetAsActivation = await _app.PostTokenAsync(reset.Token);

        await activationAsReset.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link_invalid");
        await resetAsActivation.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "link_invalid");
        _app.Store.HasPassword(Email, TestApp.Password).Should().BeTrue();
    }

    [Fact]
    public async Task Reset_SenderOfTheNoticeFails_StillAnswersPasswordReset()
    {
        var sender = new FailingNoticeSender();
        await using TestApp app = await TestApp.StartAsync(services: s => s.AddSingleton<IPasswordResetLinkSender>(sender));
        SentLink activation = await app.RegisterAsync(Email);
        (await app.PostTokenAsync(activation.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.Client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        string token = sender.LastToken!;

        using HttpResponseMessage reset = await app.Client.PostAsJsonAsync("/account/reset-password", new { token, password = NewPassword });

        (await reset.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("password_reset", "the password is changed: 'try again' would be untrue");
        app.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "NoticeFailed");
    }

    private async Task ActiveAccountAsync()
    {
        SentLink activation = await _app.RegisterAsync(Email);
        (await _app.PostTokenAsync(activation.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Time.Advance(TimeSpan.FromMinutes(1));
    }

    private Task<HttpResponseMessage> ResetAsync(string token, string password) =>
        _app.Client.PostAsJsonAsync("/account/reset-password", new { token, password });

    private Task<HttpResponseMessage> PostFormAsync(string token, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/reset-password")
        {
            Content = new FormUrlEncodedContent([new("token", token), new("password", password)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        return _app.Client.SendAsync(request);
    }

    private sealed class FailingNoticeSender : IPasswordResetLinkSender
    {
        public string? LastToken { get; private set; }

        public ValueTask SendPasswordResetLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            LastToken = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].Single();
            return ValueTask.CompletedTask;
        }

        public ValueTask SendPasswordChangedNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The mail server is down.");
    }
}
