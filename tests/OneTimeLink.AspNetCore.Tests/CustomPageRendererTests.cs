using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Queue;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>An application's own <see cref="ILinkPageRenderer"/> renders every page of every flow; the built-in pages never show.</summary>
public sealed class CustomPageRendererTests
{
    [Fact]
    public async Task EveryPageOfEveryFlow_IsRenderedByTheApplicationsRenderer()
    {
        var renderer = new RecordingRenderer();
        await using TestApp app = await TestApp.StartAsync(services: s => s.AddSingleton<ILinkPageRenderer>(renderer));
        var answers = new List<HttpResponseMessage>();

        answers.Add(await FormAsync(app, "/account/register", ("email", "ann@example.com"), ("password", TestApp.Password)));
        answers.Add(await FormAsync(app, "/account/register", ("email", "not an address"), ("password", TestApp.Password)));
        SentLink activation = app.Sender.LastLinkTo("ann@example.com");
        answers.Add(await GetPageAsync(app, activation.PathAndQuery));
        answers.Add(await FormAsync(app, "/account/activate", ("token", activation.Token)));
        answers.Add(await GetPageAsync(app, activation.PathAndQuery));
        answers.Add(await FormAsync(app, "/account/activate", ("token", "garbage")));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        answers.Add(await FormAsync(app, "/account/resend-activation", ("email", "ann@example.com")));
        answers.Add(await FormAsync(app, "/account/forgot-password", ("email", "ann@example.com")));
        SentLink reset = app.Sender.LastResetLinkTo("ann@example.com");
        answers.Add(await GetPageAsync(app, reset.PathAndQuery));
        answers.Add(await FormAsync(app, "/account/reset-password", ("token", reset.Token), ("password", "my password 123")));
        answers.Add(await FormAsync(app, "/account/reset-password", ("token", reset.Token), ("password", "a new secret 123")));
        answers.Add(await FormAsync(app, "/account/reset-password", ("token", reset.Token), ("password", "a newer secret 456")));
        answers.Add(await GetPageAsync(app, "/account/reset-password?token=expired"));

        foreach (HttpResponseMessage answer in answers)
        {
            string body = await answer.Content.ReadAsStringAsync();
            body.Should().StartWith("custom ", "{0} {1} went through the application's renderer", answer.RequestMessage!.Method, answer.RequestMessage.RequestUri);
            body.Should().Be($"custom {(int)answer.StatusCode}", "the renderer answers with the page's status");
            answer.ShouldHaveSecurityHeaders();
            answer.Dispose();
        }

        renderer.Pages.Select(p => (p.Flow, p.Kind, p.Code)).Should().BeEquivalentTo(
        [
            (LinkFlowNames.Activation, LinkPageKind.RequestAccepted, "accepted"),
            (LinkFlowNames.Activation, LinkPageKind.InvalidRequest, "invalid_request"),
            (LinkFlowNames.Activation, LinkPageKind.Landing, "link_valid"),
            (LinkFlowNames.Activation, LinkPageKind.Outcome, "activated"),
            (LinkFlowNames.Activation, LinkPageKind.Outcome, "already_active"),
            (LinkFlowNames.Activation, LinkPageKind.Outcome, "link_invalid"),
            (LinkFlowNames.Activation, LinkPageKind.RequestAccepted, "accepted"),
            (LinkFlowNames.PasswordReset, LinkPageKind.RequestAccepted, "accepted"),
            (LinkFlowNames.PasswordReset, LinkPageKind.Landing, "link_valid"),
            (LinkFlowNames.PasswordReset, LinkPageKind.Landing, "link_valid"),
            (LinkFlowNames.PasswordReset, LinkPageKind.Outcome, "password_reset"),
            (LinkFlowNames.PasswordReset, LinkPageKind.Outcome, "link_revoked"),
            (LinkFlowNames.PasswordReset, LinkPageKind.Outcome, "link_invalid"),
        ]);
        LinkPage refusedPassword = renderer.Pages.Where(p => p.Kind == LinkPageKind.Landing).Last();
        refusedPassword.StatusCode.Should().Be(400);
        refusedPassword.Errors.Should().ContainKey("password");
        refusedPassword.Form!.HiddenFields["token"].Should().Be(reset.Token);
        refusedPassword.Form.Fields.Should().ContainSingle().Which.Autocomplete.Should().Be("new-password");
        refusedPassword.ExpiresAt.Should().Be(reset.ExpiresAt, "the form shown again still says how long the link works");
        renderer.Pages.Where(p => p.Kind == LinkPageKind.Outcome).Select(p => (p.Code, p.Succeeded)).Should().Contain(
            [("activated", true), ("already_active", true), ("password_reset", true), ("link_revoked", false), ("link_invalid", false)]);
        renderer.Pages.Single(p => p.Code == "link_revoked").NewLinkForm!.Action.Should().Be("/account/forgot-password");
    }

    [Fact]
    public async Task BusyPage_IsRenderedByTheApplicationsRenderer()
    {
        var renderer = new RecordingRenderer();
        await using TestApp app = await TestApp.StartAsync(services: s =>
        {
            s.AddSingleton<ILinkPageRenderer>(renderer);
            s.Configure<BackgroundWorkQueueOptions>(o => (o.Capacity, o.Workers) = (1, 1));
        });
        using var gate = new SemaphoreSlim(0);
        app.Store.Gate = gate;
        await app.ImmediateClient.PostAsJsonAsync("/account/forgot-password", new { email = "a@example.com" });
        await app.Store.WhenCalledAsync();
        await app.ImmediateClient.PostAsJsonAsync("/account/forgot-password", new { email = "b@example.com" });

        using HttpResponseMessage busy = await app.ImmediateClient.SendAsync(FormRequest("/account/forgot-password", ("email", "c@example.com")));

        (await busy.Content.ReadAsStringAsync()).Should().Be("custom 503");
        renderer.Pages.Should().ContainSingle(p => p.Code == "busy").Which.Flow.Should().Be(LinkFlowNames.PasswordReset);
        gate.Release();
        await app.Queue.WhenIdleAsync();
    }

    private static Task<HttpResponseMessage> FormAsync(TestApp app, string path, params (string Name, string Value)[] fields) =>
        app.Client.SendAsync(FormRequest(path, fields));

    private static Task<HttpResponseMessage> GetPageAsync(TestApp app, string pathAndQuery)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd("text/html");
        return app.Client.SendAsync(request);
    }

    private static HttpRequestMessage FormRequest(string path, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    private sealed class RecordingRenderer : ILinkPageRenderer
    {
        private readonly ConcurrentQueue<LinkPage> _pages = new();

        public IReadOnlyList<LinkPage> Pages => [.. _pages];

        public IResult Render(LinkPage page, HttpContext httpContext)
        {
            _pages.Enqueue(page);
            return TypedResults.Text($"custom {page.StatusCode}", "text/plain", statusCode: page.StatusCode);
        }
    }
}
