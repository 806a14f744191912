using System.Net;
using System.Net.Http.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class LinkBuildingTests
{
    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("X-Forwarded-Host", "evil.example")]
    [InlineData("X-Forwarded-Proto", "http")]
    [InlineData("X-Forwarded-Prefix", "/evil")]
    public async Task Register_WithSpoofedHostHeaders_EmailsALinkOnThePublicBaseUri(string header, string value)
    {
        await using TestApp app = await TestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = JsonContent.Create(new { email = "ann@example.com", password = TestApp.Password }),
        };
        request.Headers.TryAddWithoutValidation(header, value).Should().BeTrue();

        using HttpResponseMessage response = await app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Uri link = app.Sender.LastLinkTo("ann@example.com").Link;
        link.GetLeftPart(UriPartial.Path).Should().Be("https://app.example/account/activate");
        link.AbsoluteUri.Should().NotContain("evil");
    }

    [Fact]
    public async Task Link_PutsTheTokenInTheQueryAndNeverEndsInACharacterMailClientsStrip()
    {
        await using TestApp app = await TestApp.StartAsync();

        for (int i = 0; i < 20; i++)
        {
            SentLink sent = await app.RegisterAsync($"user{i}@example.com");

            sent.Link.IsAbsoluteUri.Should().BeTrue();
            sent.Link.AbsoluteUri.Should().StartWith("https://app.example/account/activate?token=" + sent.Token);
            char.IsAsciiLetterOrDigit(sent.Link.AbsoluteUri[^1]).Should().BeTrue("mail clients drop a trailing - . or _ when they linkify");
            sent.Token.Split('.').Should().HaveCount(3);
        }
    }

    [Fact]
    public async Task Link_WithTrailingParameter_IsToleratedByTheLandingPage()
    {
        await using TestApp app = await TestApp.StartAsync();
        SentLink sent = await app.RegisterAsync("ann@example.com");

        using HttpResponseMessage response = await app.Client.GetAsync(sent.Link.PathAndQuery);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().Contain("Activate my account");
    }

    [Fact]
    public async Task Link_WithFragmentPlacement_CarriesTheTokenInTheFragment()
    {
        await using TestApp app = await TestApp.StartAsync(o => o.TokenPlacement = LinkTokenPlacement.Fragment);

        SentLink sent = await app.RegisterAsync("ann@example.com");

        sent.Link.Query.Should().BeEmpty();
        sent.Link.Fragment.Should().StartWith("#token=" + sent.Token).And.EndWith("&v=1");
        using HttpResponseMessage activated = await app.PostTokenAsync(sent.Token);
        (await activated.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
    }

    [Theory]
    [InlineData("https://app.example/base", "https://app.example/base/account/activate")]
    [InlineData("https://app.example/base/", "https://app.example/base/account/activate")]
    [InlineData("https://app.example:8443", "https://app.example:8443/account/activate")]
    public async Task Link_KeepsThePublicBaseUriPathAndPort(string publicBase, string expected)
    {
        await using TestApp app = await TestApp.StartAsync(o => o.PublicBaseUri = new Uri(publicBase));

        SentLink sent = await app.RegisterAsync("ann@example.com");

        sent.Link.GetLeftPart(UriPartial.Path).Should().Be(expected);
    }

    [Fact]
    public async Task Link_UsesTheMappedPrefix()
    {
        await using TestApp app = await TestApp.StartAsync(prefix: "/users/");

        using HttpResponseMessage response = await app.Client.PostAsJsonAsync("/users/register", new { email = "ann@example.com", password = TestApp.Password });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        SentLink sent = app.Sender.LastLinkTo("ann@example.com");
        sent.Link.GetLeftPart(UriPartial.Path).Should().Be("https://app.example/users/activate");
        using HttpResponseMessage activated = await app.PostTokenAsync(sent.Token, "/users/activate");
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Link_InDevelopmentWithoutPublicBaseUri_UsesLocalhostNotTheRequestHost()
    {
        await using TestApp app = await TestApp.StartAsync(o => o.PublicBaseUri = null, environment: "Development");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = JsonContent.Create(new { email = "ann@example.com", password = TestApp.Password }),
        };
        request.Headers.Host = "evil.example";

        using HttpResponseMessage response = await app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        app.Sender.LastLinkTo("ann@example.com").Link.GetLeftPart(UriPartial.Path).Should().Be("http://localhost/account/activate");
    }
}
