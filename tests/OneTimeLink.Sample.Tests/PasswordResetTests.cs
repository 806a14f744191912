using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

/// <summary>Password reset end to end through HTTP, on the sample's SQLite store, mailbox and stamp-checked sign-in cookie.</summary>
public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string Email = "ann@example.com";
    private const string NewPassword = "a brand new secret";

    private readonly SampleFactory _factory = new();
    private HttpClient _client = null!;
    private DevMailbox _mailbox = null!;

    public Task InitializeAsync()
    {
        _client = NewClient();
        _mailbox = new DevMailbox(_client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ForgotMailLandReset_WholeFlow_EndsOtherSessions_AndMailsANotice()
    {
        await _client.RegisterActiveAsync(_mailbox, Email);
        using HttpClient otherBrowser = NewClient();
        (await otherBrowser.LoginAsync(Email, SampleClient.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await otherBrowser.GetJsonAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the other browser is signed in before the reset");

        using HttpResponseMessage forgot = await _client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        forgot.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Uri link = await _mailbox.LinkAsync(Email, "password-reset");
        string token = DevMailbox.TokenOf(link);
        link.AbsolutePath.Should().Be("/account/reset-password");

        // Opening the link, twice (a mail scanner, then the person), consumes nothing.
        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage landing = await _client.GetAsync(link.PathAndQuery);
            landing.StatusCode.Should().Be(HttpStatusCode.OK);
            string page = await landing.Content.ReadAsStringAsync();
            page.Should().Contain("name=\"password\"").And.Contain("autocomplete=\"new-password\"")
                .And.Contain("<nav><a href=\"/\">Home</a>", "the landing is in the sample's layout")
                .And.Contain("most common passwords", "the page says what the sample's rule refuses");
        }

        // A password the sample's rule refuses: 400 with the reason under "password", and the link still works.
        foreach (string weak in new[] { "password1", Email })
        {
            using HttpResponseMessage refused = await _client.PostAsJsonAsync("/account/reset-password", new { token, password = weak });
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            JsonElement problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").GetProperty("password").EnumerateArray().Should().NotBeEmpty();
        }

        using (HttpResponseMessage stillValid = await _client.GetJsonAsync(link.PathAndQuery))
        {
            (await stillValid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean().Should().BeTrue("a refused password never uses up the link");
        }

        using HttpResponseMessage reset = await _client.PostAsJsonAsync("/account/reset-password", new { token, password = NewPassword });
        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("password_reset");

        using HttpResponseMessage again = await _client.PostAsJsonAsync("/account/reset-password", new { token, password = "yet another secret" });
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await again.CodeAsync()).Should().BeOneOf("link_used", "link_revoked");

        (await _client.LoginAsync(Email, SampleClient.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old password is gone");
        (await _client.LoginAsync(Email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetJsonAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK, "a session begun after the reset is current");

        using HttpResponseMessage ended = await otherBrowser.GetJsonAsync("/me");
        ended.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the reset changed the stamp the other browser's cookie was issued with");
        ended.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("onetimelink-sample=;", StringComparison.Ordinal), "the stale cookie is deleted");

        JsonElement notice = await _mailbox.WaitForAsync(Email, "password-changed");
        notice.GetProperty("link").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Reset_OfAnAccountNeverActivated_ActivatesIt()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = Email, password = SampleClient.Password });
        await _mailbox.WaitForAsync(Email, "activation");
        (await _client.LoginAsync(Email, SampleClient.Password)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await _client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        Uri link = await _mailbox.LinkAsync(Email, "password-reset");
        (await _client.PostAsJsonAsync("/account/reset-password", new { token = DevMailbox.TokenOf(link), password = NewPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await _client.LoginAsync(Email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK, "following the reset link proved the address");
    }

    [Fact]
    public async Task Reset_EndsTheOtherOutstandingResetLinks()
    {
        await _client.RegisterActiveAsync(_mailbox, Email);
        await _client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        Uri first = await _mailbox.LinkAsync(Email, "password-reset");
        await _client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        Uri second = await _mailbox.LinkAsync(Email, "password-reset", count: 2);

        (await _client.PostAsJsonAsync("/account/reset-password", new { token = DevMailbox.TokenOf(second), password = NewPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        using HttpResponseMessage older = await _client.PostAsJsonAsync("/account/reset-password", new { token = DevMailbox.TokenOf(first), password = "yet another secret" });

        older.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await older.CodeAsync()).Should().Be("link_revoked");
        (await _client.LoginAsync(Email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_AnswersLikeAKnownOne()
    {
        await _client.RegisterActiveAsync(_mailbox, Email);

        using HttpResponseMessage known = await _client.PostAsJsonAsync("/account/forgot-password", new { email = Email });
        using HttpResponseMessage unknown = await _client.PostAsJsonAsync("/account/forgot-password", new { email = "nobody@example.com" });

        unknown.StatusCode.Should().Be(HttpStatusCode.Accepted);
        known.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await unknown.Content.ReadAsStringAsync()).Should().Be(await known.Content.ReadAsStringAsync());
        await _mailbox.WaitForAsync(Email, "password-reset");
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
