using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Queue;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>The request endpoints' work queue: bounded, refusing everyone alike when full, drained on shutdown.</summary>
public sealed class BackgroundQueueTests
{
    [Fact]
    public async Task FullQueue_Answers503BusyWithRetryAfter_ToEveryAddressAlike()
    {
        await using TestApp app = await StartWithOneSlotAsync();
        using var gate = new SemaphoreSlim(0);
        app.Store.Gate = gate;

        // The one worker takes the first request and blocks in the store; the second fills the one slot.
        (await PostAsync(app, "first@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await app.Store.WhenCalledAsync();
        (await PostAsync(app, "second@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        using HttpResponseMessage busy = await PostAsync(app, "third@example.com");
        using HttpResponseMessage busyForm = await app.ImmediateClient.SendAsync(FormRequest("fourth@example.com"));

        await busy.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "busy");
        busy.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(10));
        busy.ShouldHaveSecurityHeaders();
        string page = await busyForm.ShouldBeHtmlAsync(HttpStatusCode.ServiceUnavailable);
        page.Should().Contain("Nothing was sent");

        gate.Release();
        await app.Queue.WhenIdleAsync();
        app.Sender.Links.Select(l => l.User.Email).Should().BeEquivalentTo(["first@example.com", "second@example.com"]);
    }

    [Fact]
    public async Task Shutdown_DrainsTheQueue_WorkAlreadyAnsweredStillRuns()
    {
        TestApp app = await StartWithOneSlotAsync();
        using var gate = new SemaphoreSlim(0);
        app.Store.Gate = gate;
        (await PostAsync(app, "first@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await app.Store.WhenCalledAsync();
        (await PostAsync(app, "second@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        Task stopping = app.App.StopAsync();
        stopping.IsCompleted.Should().BeFalse("accepted work is still waiting on the store");
        gate.Release();
        await stopping;

        app.Sender.Links.Select(l => l.User.Email).Should().BeEquivalentTo(["first@example.com", "second@example.com"]);
        app.Queue.TryEnqueue("after shutdown", (_, _) => ValueTask.CompletedTask).Should().BeFalse("a stopped queue takes nothing more");
        await app.DisposeAsync();
    }

    [Fact]
    public async Task FailingWork_IsLoggedWithoutDetail_AndTheQueueCarriesOn()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Queue.TryEnqueue("test.Failing", (_, _) => throw new InvalidOperationException("ann@example.com could not be reached")).Should().BeTrue();

        SentLink sent = await app.RegisterAsync("bob@example.com");

        sent.User.Email.Should().Be("bob@example.com");
        Microsoft.Extensions.Logging.Testing.FakeLogRecord failed = app.Logs.GetSnapshot().Single(r => r.Id.Name == "BackgroundWorkFailed");
        failed.Message.Should().Contain("test.Failing").And.Contain("InvalidOperationException").And.NotContain("@example.com");
    }

    private static Task<TestApp> StartWithOneSlotAsync() =>
        TestApp.StartAsync(services: s => s.Configure<BackgroundWorkQueueOptions>(o => (o.Capacity, o.Workers) = (1, 1)));

    private static Task<HttpResponseMessage> PostAsync(TestApp app, string email) =>
        app.ImmediateClient.PostAsJsonAsync("/account/register", new { email, password = TestApp.Password });

    private static HttpRequestMessage FormRequest(string email)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("password", TestApp.Password)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }
}
