using System.Net;
using System.Text.Json;
using OneTimeLink.AspNetCore.Pages;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class LandingPageTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Landing_ValidLink_IsASelfContainedPageWithOneButtonThatPostsTheToken()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        using HttpResponseMessage response = await _app.Client.GetAsync(sent.PathAndQuery);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().StartWith("<!DOCTYPE html><html lang=\"en\"><head>").And.EndWith("</main></body></html>");
        html.Should().NotContainAny("<script", "src=", "href=", "http://", "https://", "onload", "onclick");
        html.Split("<form").Should().HaveCount(2, "there is exactly one form");
        html.Should().Contain("<form method=\"post\" action=\"/account/activate\">");
        html.Should().Contain($"<input type=\"hidden\" name=\"token\" value=\"{sent.Token}\">");
        html.Split("<button").Should().HaveCount(2, "there is exactly one button");
        html.Should().Contain(">Activate my account</button>");
        html.Should().Contain("2026-11-29 14:00 UTC");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    public async Task Head_AnswersLikeGet_WithoutABody_AndConsumesNothing(string accept)
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        using var get = new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery);
        using var head = new HttpRequestMessage(HttpMethod.Head, sent.PathAndQuery);
        get.Headers.Accept.ParseAdd(accept);
        head.Headers.Accept.ParseAdd(accept);

        using HttpResponseMessage getResponse = await _app.Client.SendAsync(get);
        using HttpResponseMessage headResponse = await _app.Client.SendAsync(head);

        headResponse.StatusCode.Should().Be(getResponse.StatusCode);
        headResponse.Content.Headers.ContentType.Should().Be(getResponse.Content.Headers.ContentType);
        headResponse.ShouldHaveSecurityHeaders();
        (await headResponse.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        (await getResponse.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty();
        (await _app.PostTokenAsync(sent.Token)).StatusCode.Should().Be(HttpStatusCode.OK, "neither request consumed the link");
    }

    [Fact]
    public async Task Landing_TokenWithMarkup_IsNeverEchoedUnescaped()
    {
        using HttpResponseMessage response = await _app.Client.GetAsync("/account/activate?token=" + Uri.EscapeDataString("\"><script>alert(1)</script>"));

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().NotContain("<script").And.NotContain("alert(1)").And.Contain("not valid");
        response.ShouldHaveSecurityHeaders();
    }

    [Fact]
    public void DefaultPages_EncodeEverythingTheyEcho()
    {
        const string Markup = "\"><script>alert(1)</script>";
        var page = new LinkPage
        {
            Kind = LinkPageKind.Landing,
            Flow = LinkFlowNames.PasswordReset,
            Code = "link_valid",
            Succeeded = true,
            StatusCode = 400,
            Title = Markup,
            Message = Markup,
            SignInPath = "/x" + Markup,
            Errors = new Dictionary<string, string[]> { ["password"] = [Markup] },
            Form = new LinkPageForm
            {
                Action = "/a\"<b>",
                SubmitLabel = Markup,
                HiddenFields = new Dictionary<string, string> { ["token"] = Markup },
                Fields = [new LinkPageField { Name = "p" + Markup, Label = Markup, InputType = "password", Autocomplete = Markup, MaxLength = 9 }],
            },
            NewLinkForm = new LinkPageForm { Action = "/x" + Markup, SubmitLabel = Markup },
        };

        string html = DefaultLinkPageRenderer.ToHtml(page);

        html.Should().NotContain("<script").And.NotContain("<b>").And.NotContain("alert(1)</");
        html.Should().Contain("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"").And.Contain("action=\"/a&quot;&lt;b&gt;\"");
    }

    [Fact]
    public async Task Landing_AskedForJson_AnswersValidCodeAndExpiry()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery);
        request.Headers.Accept.ParseAdd("application/json");

        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        JsonElement status = await response.ReadJsonAsync();
        status.GetProperty("valid").GetBoolean().Should().BeTrue();
        status.GetProperty("code").ValueKind.Should().Be(JsonValueKind.Null);
        status.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(sent.ExpiresAt);
        response.ShouldHaveSecurityHeaders();
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("*/*", "text/html")]
    [InlineData("application/json, text/html;q=0.5", "application/json")]
    [InlineData("text/html, application/json;q=0.5", "text/html")]
    public async Task Landing_NegotiatesByAccept(string accept, string expected)
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be(expected);
    }

    [Fact]
    public async Task Landing_WithoutToken_SaysTheLinkIsNotValid()
    {
        using HttpResponseMessage response = await _app.Client.GetAsync("/account/activate");

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.OK);
        html.Should().Contain("This activation link is not valid");
    }

    [Theory]
    [InlineData("GET valid link")]
    [InlineData("GET json")]
    [InlineData("POST activated")]
    [InlineData("POST invalid")]
    [InlineData("POST malformed body")]
    [InlineData("POST form")]
    public async Task EveryActivateAnswer_CarriesTheSecurityHeaders(string scenario)
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        using var request = scenario switch
        {
            "GET valid link" => new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery),
            "GET json" => new HttpRequestMessage(HttpMethod.Get, sent.PathAndQuery) { Headers = { { "Accept", "application/json" } } },
            "POST activated" => Post(JsonBody("{\"token\":\"" + sent.Token + "\"}")),
            "POST invalid" => Post(JsonBody("{\"token\":\"nope\"}")),
            "POST malformed body" => Post(JsonBody("{")),
            _ => Post(new FormUrlEncodedContent([new("token", sent.Token)])),
        };

        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        response.ShouldHaveSecurityHeaders();
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");

        static HttpRequestMessage Post(HttpContent content) => new(HttpMethod.Post, "/account/activate") { Content = content };
        static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
    }
}
