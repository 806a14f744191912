using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>With <see cref="LinkFlowOptions.SignInPath"/>, a person who activated is shown the way on.</summary>
public sealed class SignInLinkTests
{
    [Fact]
    public async Task ActivatedPage_WithASignInPath_LinksToIt_AndSoDoesTheAlreadyActiveLanding()
    {
        await using TestApp app = await TestApp.StartAsync(o => o.SignInPath = "/login?from=activation");
        SentLink sent = await app.RegisterAsync("ann@example.com");

        string activated = await PostFormAsync(app, sent.Token);
        string landingAfterwards = await (await app.Client.GetAsync(sent.PathAndQuery)).Content.ReadAsStringAsync();

        activated.Should().Contain("Your account is active").And.Contain("<a href=\"/login?from=activation\">Continue to sign in</a>");
        landingAfterwards.Should().Contain("already active").And.Contain("href=\"/login?from=activation\"");
    }

    [Fact]
    public async Task ActivatedPage_WithoutASignInPath_HasNoLink()
    {
        await using TestApp app = await TestApp.StartAsync();
        SentLink sent = await app.RegisterAsync("ann@example.com");

        string activated = await PostFormAsync(app, sent.Token);

        activated.Should().Contain("Your account is active").And.NotContain("<a ");
    }

    [Fact]
    public async Task FailedActivationPage_NeverLinksToSignIn()
    {
        await using TestApp app = await TestApp.StartAsync(o => o.SignInPath = "/login");

        string refused = await PostFormAsync(app, "not-a-token", HttpStatusCode.BadRequest);

        refused.Should().NotContain("href=\"/login\"");
    }

    [Theory]
    [InlineData("https://evil.example/login")]
    [InlineData("//evil.example/login")]
    [InlineData("/\\evil.example/login")]
    [InlineData("login")]
    public async Task Start_WithASignInPathOffThisSite_FailsNamingTheSetting(string path)
    {
        await using WebApplication app = TestApp.Build(o => o.SignInPath = path, null, null, "Production", "/account", out _, out _, out _);

        Func<Task> start = () => app.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("UserActivationOptions.SignInPath").And.Contain("starts with a single '/'");
    }

    private static async Task<string> PostFormAsync(TestApp app, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/activate")
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using HttpResponseMessage response = await app.Client.SendAsync(request);
        return await response.ShouldBeHtmlAsync(expected);
    }
}
