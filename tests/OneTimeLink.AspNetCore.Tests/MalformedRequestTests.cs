using System.Net;
using System.Text;
using System.Text.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>Whatever a client sends, a bad request is a 400 problem, never a 500.</summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private static readonly string s_megabyteToken = new('a', 1024 * 1024);
    private static readonly string s_hundredKilobyteEmail = new string('a', 100 * 1024) + "@example.com";

    private TestApp _app = null!;

    public static TheoryData<string, string, string, string> MalformedBodies => new()
    {
        { "register: no content type", "/account/register", string.Empty, "{}" },
        { "register: invalid JSON", "/account/register", "application/json", "{\"email\":" },
        { "register: empty body", "/account/register", "application/json", string.Empty },
        { "register: JSON null", "/account/register", "application/json", "null" },
        { "register: JSON array", "/account/register", "application/json", "[]" },
        { "register: number for email", "/account/register", "application/json", "{\"email\":5,\"password\":\"long enough\"}" },
        { "register: 100 KB email", "/account/register", "application/json", Json(new { email = s_hundredKilobyteEmail, password = TestApp.Password }) },
        { "register: 100 KB email form", "/account/register", "application/x-www-form-urlencoded", "email=" + s_hundredKilobyteEmail + "&password=x" },
        { "activate: invalid JSON", "/account/activate", "application/json", "{'token': 1}" },
        { "activate: object for token", "/account/activate", "application/json", "{\"token\":{}}" },
        { "activate: 1 MiB token", "/account/activate", "application/json", Json(new { token = s_megabyteToken }) },
        { "activate: 1 MiB token form", "/account/activate", "application/x-www-form-urlencoded", "token=" + s_megabyteToken },
        { "activate: too many form fields", "/account/activate", "application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 50).Select(i => $"f{i}=1")) },
        { "resend: invalid JSON", "/account/resend-activation", "application/json", "not json" },
        { "resend: 100 KB email", "/account/resend-activation", "application/json", Json(new { email = s_hundredKilobyteEmail }) },
        { "forgot password: invalid JSON", "/account/forgot-password", "application/json", "{\"email\"" },
        { "forgot password: 100 KB email form", "/account/forgot-password", "application/x-www-form-urlencoded", "email=" + s_hundredKilobyteEmail },
        { "reset password: array for token", "/account/reset-password", "application/json", "{\"token\":[],\"password\":\"long enough\"}" },
        { "reset password: 1 MiB token", "/account/reset-password", "application/json", Json(new { token = s_megabyteToken, password = "long enough" }) },
        { "reset password: garbage token", "/account/reset-password", "application/json", Json(new { token = "a.b.c", password = "long enough" }) },
    };

    /// <summary>Bodies neither JSON nor a form: routing refuses them by the endpoints' declared content types, before any handler runs.</summary>
    public static TheoryData<string, string, string, string> UnsupportedBodies => new()
    {
        { "register: text", "/account/register", "text/plain", "email=ann@example.com" },
        { "register: multipart", "/account/register", "multipart/form-data; boundary=x", "--x--" },
        { "activate: text", "/account/activate", "text/plain", "token" },
        { "resend: XML", "/account/resend-activation", "application/xml", "<email/>" },
        { "forgot password: text", "/account/forgot-password", "text/plain", "ann@example.com" },
        { "reset password: XML", "/account/reset-password", "application/xml", "<token/>" },
    };

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "missing fields", "{}", "email" },
        { "missing password", "{\"email\":\"ann@example.com\"}", "password" },
        { "bad syntax", "{\"email\":\"not-an-email\",\"password\":\"long enough\"}", "email" },
        { "display name", "{\"email\":\"Ann <ann@example.com>\",\"password\":\"long enough\"}", "email" },
        { "inner space", "{\"email\":\"ann @example.com\",\"password\":\"long enough\"}", "email" },
        { "255 characters", Json(new { email = new string('a', 243) + "@example.com", password = "long enough" }), "email" },
        { "7-character password", "{\"email\":\"ann@example.com\",\"password\":\"1234567\"}", "password" },
        { "129-character password", Json(new { email = "ann@example.com", password = new string('p', 129) }), "password" },
    };

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBody_Answers400Problem(string name, string path, string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType).Should().BeTrue();
        }

        using HttpResponseMessage response = await _app.Client.PostAsync(path, content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, name);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonElement problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("code").GetString().Should().BeOneOf("invalid_request", "link_invalid");
        _app.Sender.Count.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(UnsupportedBodies))]
    public async Task UnsupportedContentType_Answers415_AndDoesNothing(string name, string path, string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).Should().BeTrue();

        using HttpResponseMessage response = await _app.Client.PostAsync(path, content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, name);
        _app.Store.Calls.Should().Be(0);
        _app.Sender.Count.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Register_InvalidFields_Answers400ValidationProblemNamingTheField(string name, string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await _app.Client.PostAsync("/account/register", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, name);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonElement problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").GetProperty(field).GetArrayLength().Should().Be(1);
        _app.Store.Get("ann@example.com").Should().BeNull();
        _app.Sender.Count.Should().Be(0);
    }

    [Fact]
    public async Task Register_EmailOfExactly254Characters_IsAccepted()
    {
        string email = new string('a', 242) + "@example.com";
        using var content = new StringContent(Json(new { email, password = "12345678" }), Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await _app.Client.PostAsync("/account/register", content);

        email.Should().HaveLength(254);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _app.Store.Get(email).Should().NotBeNull();
    }

    [Fact]
    public async Task Register_InvalidFormFromABrowser_AnswersAPageListingTheProblems()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = new FormUrlEncodedContent([new("email", "<b>bad"), new("password", "short")]),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using HttpResponseMessage response = await _app.Client.SendAsync(request);

        string html = await response.ShouldBeHtmlAsync(HttpStatusCode.BadRequest);
        html.Should().Contain("The email address is not valid.").And.Contain("at least 8 characters").And.NotContain("<b>bad");
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
