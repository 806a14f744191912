using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

public sealed class SampleFlowTests : IAsyncLifetime
{
    private readonly SampleFactory _factory = new();
    private HttpClient _client = null!;
    private DevMailbox _mailbox = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        _mailbox = new DevMailbox(_client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task RegisterMailboxActivateSignIn_WholeFlow()
    {
        (await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = SampleClient.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Accepted);

        Uri link = await _mailbox.LinkAsync("ann@example.com", "activation");
        link.AbsolutePath.Should().Be("/account/activate");

        using HttpResponseMessage landing = await _client.GetAsync(link.PathAndQuery);
        landing.StatusCode.Should().Be(HttpStatusCode.OK);
        (await landing.Content.ReadAsStringAsync()).Should().Contain("Activate my account");

        using HttpResponseMessage activated = await _client.PostAsJsonAsync("/account/activate", new { token = DevMailbox.TokenOf(link) });
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("activated");

        using HttpResponseMessage login = await _client.LoginAsync("ann@example.com", SampleClient.Password);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("onetimelink-sample=", StringComparison.Ordinal));

        using HttpResponseMessage me = await _client.GetJsonAsync("/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString().Should().Be("ann@example.com");
    }

    [Fact]
    public async Task SignIn_BeforeActivation_Is403AccountInactive()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "bob@example.com", password = SampleClient.Password });

        // The account exists once its activation mail is out: the registration itself runs after the 202.
        await _mailbox.WaitForAsync("bob@example.com", "activation");
        using HttpResponseMessage login = await _client.LoginAsync("bob@example.com", SampleClient.Password);

        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        login.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await login.CodeAsync()).Should().Be("account_inactive");
    }

    [Theory]
    [InlineData("ann@example.com", "wrong password")]
    [InlineData("nobody@example.com", SampleClient.Password)]
    public async Task SignIn_WrongPasswordOrUnknownEmail_Is401(string email, string password)
    {
        await _client.RegisterActiveAsync(_mailbox, "ann@example.com");

        using HttpResponseMessage login = await _client.LoginAsync(email, password);

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await login.CodeAsync()).Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Me_NotSignedIn_Is401()
    {
        using HttpResponseMessage me = await _client.GetJsonAsync("/me");

        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await _client.RegisterActiveAsync(_mailbox, "ann@example.com");
        (await _client.LoginAsync("ann@example.com", SampleClient.Password)).StatusCode.Should().Be(HttpStatusCode.OK);

        using HttpResponseMessage logout = await _client.PostAsync("/logout", content: null);
        using HttpResponseMessage me = await _client.GetJsonAsync("/me");

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Mailbox_ListsNewestFirst_AsJsonAndHtml()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "first@example.com", password = SampleClient.Password });

        // The background queue may run two requests' work in either order: wait for the first mail before the second.
        await _mailbox.WaitForAsync("first@example.com", "activation");
        await _client.PostAsJsonAsync("/account/register", new { email = "second@example.com", password = SampleClient.Password });
        await _mailbox.WaitForAsync("second@example.com", "activation");

        JsonElement[] messages = await _mailbox.ReadAsync();
        string html = await _client.GetStringAsync("/dev/mailbox");

        messages.Select(m => m.GetProperty("to").GetString()).Should().Equal("second@example.com", "first@example.com");
        messages.Should().OnlyContain(m => m.GetProperty("link").GetString()!.StartsWith("http://127.0.0.1:5080/account/activate?token=", StringComparison.Ordinal));
        html.Should().Contain("second@example.com").And.Contain("class=\"activation-link\"");
    }

    [Fact]
    public async Task Mailbox_Json_HasToSubjectKindLinkCodeSentAt_ForEveryKind()
    {
        await _client.RegisterActiveAsync(_mailbox, "ann@example.com");
        await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "another password" });
        await _mailbox.WaitForAsync("ann@example.com", "account-exists");
        await _client.PostAsJsonAsync("/account/forgot-password", new { email = "ann@example.com" });
        Uri reset = await _mailbox.LinkAsync("ann@example.com", "password-reset");
        (await _client.PostAsJsonAsync("/account/reset-password", new { token = DevMailbox.TokenOf(reset), password = "a brand new secret" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await _mailbox.WaitForAsync("ann@example.com", "password-changed");

        JsonElement[] messages = await _mailbox.ReadAsync();

        messages.Select(m => m.GetProperty("kind").GetString()).Should().Equal("password-changed", "password-reset", "account-exists", "activation");
        messages.Select(m => m.EnumerateObject().Select(p => p.Name)).Should()
            .AllSatisfy(names => names.Should().Equal("to", "subject", "kind", "link", "code", "sentAt"));
        messages.Should().OnlyContain(m => m.GetProperty("code").ValueKind == JsonValueKind.Null, "no flow sends a code yet");
        messages.Where(m => m.GetProperty("kind").GetString() is "account-exists" or "password-changed")
            .Should().OnlyContain(m => m.GetProperty("link").ValueKind == JsonValueKind.Null, "notices carry no link");
        messages.Single(m => m.GetProperty("kind").GetString() == "password-reset").GetProperty("link").GetString()
            .Should().StartWith("http://127.0.0.1:5080/account/reset-password?token=");
        messages.Select(m => m.GetProperty("sentAt").TryGetDateTimeOffset(out DateTimeOffset _)).Should().OnlyContain(parsed => parsed);
    }

    [Fact]
    public async Task Register_TakenEmail_AnswersTheSame_AndMailsANoticeWithoutALink()
    {
        await _client.RegisterActiveAsync(_mailbox, "ann@example.com");
        using HttpResponseMessage first = await _client.PostAsJsonAsync("/account/register", new { email = "new@example.com", password = SampleClient.Password });
        using HttpResponseMessage second = await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "another password" });

        second.StatusCode.Should().Be(first.StatusCode);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        JsonElement notice = await _mailbox.WaitForAsync("ann@example.com", "account-exists");
        notice.GetProperty("link").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Register_AgainBeforeActivation_ReplacesThePendingRegistration_AndTheFirstLinkDies()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "the first password" });
        Uri firstLink = await _mailbox.LinkAsync("ann@example.com", "activation");
        await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "the second password" });
        Uri secondLink = await _mailbox.LinkAsync("ann@example.com", "activation", count: 2);

        using HttpResponseMessage stale = await _client.PostAsJsonAsync("/account/activate", new { token = DevMailbox.TokenOf(firstLink) });
        using HttpResponseMessage activated = await _client.PostAsJsonAsync("/account/activate", new { token = DevMailbox.TokenOf(secondLink) });
        using HttpResponseMessage withFirst = await _client.LoginAsync("ann@example.com", "the first password");
        using HttpResponseMessage withSecond = await _client.LoginAsync("ann@example.com", "the second password");

        stale.StatusCode.Should().Be(HttpStatusCode.Gone);
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        withFirst.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "only the registration whose link was followed counts");
        withSecond.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Home_HasRegisterSignInAndForgotPasswordForms_ThatPostWithoutScript()
    {
        string html = await _client.GetStringAsync("/");

        html.Should().Contain("action=\"/account/register\"")
            .And.Contain("action=\"/login\"")
            .And.Contain("action=\"/account/forgot-password\"")
            .And.Contain("Forgot your password?")
            .And.NotContain("<script");
    }

    [Fact]
    public async Task Mailbox_OutsideDevelopment_IsNotMapped()
    {
        await using SampleFactory production = ProductionFactory();
        using HttpClient client = production.CreateClient();

        using HttpResponseMessage mailbox = await client.GetAsync("/dev/mailbox");

        mailbox.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignInCookie_OutsideDevelopment_IsSecureAndHttpOnly()
    {
        await using SampleFactory production = ProductionFactory();
        using HttpClient client = production.CreateClient();
        await using (AsyncServiceScope scope = production.Services.CreateAsyncScope())
        {
            // Production has no dev mailbox to follow a link from: the account is made active through the store itself.
            var users = scope.ServiceProvider.GetRequiredService<Accounts.EfUserStore>();
            OneTimeLink.AspNetCore.LinkFlowUser user = (await users.CreateInactiveUserAsync("ann@example.com", SampleClient.Password, CancellationToken.None))!;
            (await users.ActivateAsync(user.Id, CancellationToken.None)).Should().BeTrue();
        }

        using HttpResponseMessage login = await client.LoginAsync("ann@example.com", SampleClient.Password);

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        string cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onetimelink-sample=", StringComparison.Ordinal));
        cookie.Should().ContainEquivalentOf("; secure").And.ContainEquivalentOf("; httponly").And.ContainEquivalentOf("; samesite=lax");
    }

    private static SampleFactory ProductionFactory() => new("Production", new Dictionary<string, string?>
    {
        ["OneTimeLinks:Keys:0:Id"] = "prod-test",
        ["OneTimeLinks:Keys:0:Secret"] = Convert.ToBase64String(new byte[32]),
        ["LinkFlows:PublicBaseUri"] = "https://sample.example",
    });
}
