using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

public sealed class SampleFlowTests : IAsyncLifetime
{
    private readonly SampleFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
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
        (await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "correct horse battery" }))
            .StatusCode.Should().Be(HttpStatusCode.Accepted);

        Uri link = await LatestLinkAsync("ann@example.com");
        link.AbsolutePath.Should().Be("/account/activate");

        using HttpResponseMessage landing = await _client.GetAsync(link.PathAndQuery);
        landing.StatusCode.Should().Be(HttpStatusCode.OK);
        (await landing.Content.ReadAsStringAsync()).Should().Contain("Activate my account");

        using HttpResponseMessage activated = await _client.PostAsJsonAsync("/account/activate", new { token = TokenOf(link) });
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("activated");

        using HttpResponseMessage login = await _client.PostAsJsonAsync("/login", new { email = "ann@example.com", password = "correct horse battery" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("onetimelink-sample=", StringComparison.Ordinal));

        using HttpResponseMessage me = await GetJsonAsync("/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString().Should().Be("ann@example.com");
    }

    [Fact]
    public async Task SignIn_BeforeActivation_Is403AccountInactive()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "bob@example.com", password = "correct horse battery" });

        using HttpResponseMessage login = await _client.PostAsJsonAsync("/login", new { email = "bob@example.com", password = "correct horse battery" });

        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        login.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("account_inactive");
    }

    [Theory]
    [InlineData("ann@example.com", "wrong password")]
    [InlineData("nobody@example.com", "correct horse battery")]
    public async Task SignIn_WrongPasswordOrUnknownEmail_Is401(string email, string password)
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "correct horse battery" });

        using HttpResponseMessage login = await _client.PostAsJsonAsync("/login", new { email, password });

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Me_NotSignedIn_Is401()
    {
        using HttpResponseMessage me = await GetJsonAsync("/me");

        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Mailbox_ListsNewestFirst_AsJsonAndHtml()
    {
        await _client.PostAsJsonAsync("/account/register", new { email = "first@example.com", password = "correct horse battery" });
        await _client.PostAsJsonAsync("/account/register", new { email = "second@example.com", password = "correct horse battery" });

        JsonElement[] messages = await MailboxAsync();
        string html = await _client.GetStringAsync("/dev/mailbox");

        messages.Select(m => m.GetProperty("to").GetString()).Should().Equal("second@example.com", "first@example.com");
        messages.Should().OnlyContain(m => m.GetProperty("link").GetString()!.StartsWith("http://127.0.0.1:5080/account/activate?token=", StringComparison.Ordinal));
        messages.Select(m => m.EnumerateObject().Select(p => p.Name)).Should().AllBeEquivalentTo(new[] { "to", "subject", "link", "sentAt" });
        html.Should().Contain("second@example.com").And.Contain("class=\"activation-link\"");
    }

    [Fact]
    public async Task Register_TakenEmail_AnswersTheSame_AndMailsANoticeWithoutALink()
    {
        await using var factory = new SampleFactory(settings: new Dictionary<string, string?> { ["UserActivation:EmailThrottleWindow"] = "00:00:00" });
        _client = factory.CreateClient();
        using HttpResponseMessage first = await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "correct horse battery" });
        using HttpResponseMessage second = await _client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "another password" });

        second.StatusCode.Should().Be(first.StatusCode);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        JsonElement[] messages = await MailboxAsync();
        messages.Should().HaveCount(2);
        messages[0].GetProperty("link").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Home_HasRegisterAndSignInForms_ThatPostWithoutScript()
    {
        string html = await _client.GetStringAsync("/");

        html.Should().Contain("action=\"/account/register\"").And.Contain("action=\"/login\"").And.NotContain("<script");
    }

    [Fact]
    public async Task Mailbox_OutsideDevelopment_IsNotMapped()
    {
        await using var production = new SampleFactory("Production", new Dictionary<string, string?>
        {
            ["OneTimeLinks:Keys:0:Id"] = "prod-test",
            ["OneTimeLinks:Keys:0:Secret"] = Convert.ToBase64String(new byte[32]),
            ["UserActivation:PublicBaseUri"] = "https://sample.example",
        });
        using HttpClient client = production.CreateClient();

        using HttpResponseMessage mailbox = await client.GetAsync("/dev/mailbox");

        mailbox.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return await _client.SendAsync(request);
    }

    private async Task<JsonElement[]> MailboxAsync()
    {
        using HttpResponseMessage response = await GetJsonAsync("/dev/mailbox");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private async Task<Uri> LatestLinkAsync(string email)
    {
        JsonElement message = (await MailboxAsync()).First(m => m.GetProperty("to").GetString() == email);
        return new Uri(message.GetProperty("link").GetString()!);
    }

    private static string TokenOf(Uri link) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();
}
