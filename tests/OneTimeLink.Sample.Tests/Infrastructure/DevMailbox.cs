using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>
/// Reads <c>/dev/mailbox</c> as JSON. The flows answer 202 before they send anything (the mail is written from their
/// background queue a moment later), so a test waits for the message it expects: it polls, in short steps, up to a
/// bound that only a broken app reaches.
/// </summary>
public sealed class DevMailbox(HttpClient client)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(25);

    /// <summary>Every message, newest first, as the endpoint answers it now.</summary>
    public async Task<JsonElement[]> ReadAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    /// <summary>Waits until <paramref name="count"/> messages of <paramref name="kind"/> went to <paramref name="to"/>; returns the newest.</summary>
    public async Task<JsonElement> WaitForAsync(string to, string kind, int count = 1)
    {
        JsonElement[] messages = await WaitUntilAsync(all => Matching(all, to, kind).Count() >= count, $"{count} message(s) of kind {kind} to {to}");
        return Matching(messages, to, kind).First();
    }

    /// <summary>Waits until the mailbox satisfies <paramref name="condition"/>; returns it as it was then.</summary>
    public async Task<JsonElement[]> WaitUntilAsync(Func<JsonElement[], bool> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            JsonElement[] messages = await ReadAsync();
            if (condition(messages))
            {
                return messages;
            }

            if (elapsed.Elapsed > s_bound)
            {
                throw new TimeoutException($"The dev mailbox did not get {what} within {s_bound}; it holds {messages.Length} message(s).");
            }

            await Task.Delay(s_step);
        }
    }

    /// <summary>Waits for the newest link of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public async Task<Uri> LinkAsync(string to, string kind, int count = 1) =>
        new((await WaitForAsync(to, kind, count)).GetProperty("link").GetString()!);

    public static string TokenOf(Uri link) => QueryHelpers.ParseQuery(link.Query)["token"].ToString();

    private static IEnumerable<JsonElement> Matching(JsonElement[] messages, string to, string kind) =>
        messages.Where(m => m.GetProperty("to").GetString() == to && m.GetProperty("kind").GetString() == kind);
}
