using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>The OpenAPI document ASP.NET Core generates describes every flow endpoint, request bodies included.</summary>
public sealed class OpenApiDocumentTests
{
    public static TheoryData<string, string[]> PostBodies => new()
    {
        { "/account/register", ["email", "password"] },
        { "/account/resend-activation", ["email"] },
        { "/account/activate", ["token"] },
        { "/account/forgot-password", ["email"] },
        { "/account/reset-password", ["token", "password"] },
    };

    [Theory]
    [MemberData(nameof(PostBodies))]
    public async Task EveryPost_HasARequestBodySchema_AsJsonAndAsAForm(string path, string[] fields)
    {
        JsonElement document = await GetDocumentAsync();

        JsonElement body = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        body.GetProperty("required").GetBoolean().Should().BeTrue();
        JsonElement content = body.GetProperty("content");
        content.TryGetProperty("application/json", out _).Should().BeTrue();
        content.TryGetProperty("application/x-www-form-urlencoded", out _).Should().BeTrue();
        JsonElement schema = Resolve(document, content.GetProperty("application/json").GetProperty("schema"));
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(fields);
        schema.GetProperty("required").EnumerateArray().Select(p => p.GetString()).Should().BeEquivalentTo(fields);
    }

    [Theory]
    [InlineData("/account/activate")]
    [InlineData("/account/reset-password")]
    public async Task Landing_IsDescribed_AndConsumesNoBody(string path)
    {
        JsonElement document = await GetDocumentAsync();

        JsonElement get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        get.TryGetProperty("requestBody", out _).Should().BeFalse();
        get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).Should().BeTrue();
    }

    private static async Task<JsonElement> GetDocumentAsync()
    {
        await using WebApplication app = TestApp.Build(null, s => s.AddOpenApi(), null, "Production", "/account", out _, out _, out _);
        app.MapOpenApi();
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();
        string json = await client.GetStringAsync("/openapi/v1.json");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out JsonElement reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
