using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>What the tests do again and again through the sample's HTTP endpoints, as a script or an SPA would.</summary>
public static class SampleClient
{
    public const string Password = "correct horse battery";

    public static async Task<HttpResponseMessage> GetJsonAsync(this HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/login", new { email, password });

    /// <summary>Registers <paramref name="email"/>, follows the emailed activation link, and checks that it activated.</summary>
    public static async Task RegisterActiveAsync(this HttpClient client, DevMailbox mailbox, string email, string password = Password)
    {
        using HttpResponseMessage registered = await client.PostAsJsonAsync("/account/register", new { email, password });
        registered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Uri link = await mailbox.LinkAsync(email, "activation");
        using HttpResponseMessage activated = await client.PostAsJsonAsync("/account/activate", new { token = DevMailbox.TokenOf(link) });
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("activated");
    }

    public static async Task<string?> CodeAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out JsonElement code) ? code.GetString() : null;
}
