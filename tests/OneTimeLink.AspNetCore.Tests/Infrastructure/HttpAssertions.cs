using System.Net;
using System.Text.Json;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>Reads and checks the endpoints' answers.</summary>
internal static class HttpAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Checks an RFC 9457 problem with the given status and <c>code</c>, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonElement problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("code").GetString().Should().Be(code);
        return problem;
    }

    public static async Task<string> ShouldBeHtmlAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
        return await response.Content.ReadAsStringAsync();
    }

    public static void ShouldHaveSecurityHeaders(this HttpResponseMessage response)
    {
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("default-src 'none'").And.NotContain("script-src").And.NotContain("unsafe-eval");
    }
}
