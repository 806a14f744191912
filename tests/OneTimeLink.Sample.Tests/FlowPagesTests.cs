using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

/// <summary>
/// Every page of the link flows, as a browser's form posts get them, comes from the sample's renderer: the same layout
/// as the home page, no script, the status of the answer.
/// </summary>
public sealed class FlowPagesTests : IAsyncLifetime
{
    private const string Layout = "<nav><a href=\"/\">Home</a>";

    private readonly SampleFactory _factory = new();
    private HttpClient _client = null!;
    private DevMailbox _mailbox = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _mailbox = new DevMailbox(_client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ActivationPages_RequestInvalidLandingOutcome_AreInTheSampleLayout()
    {
        string invalid = await PageAsync(
            await _client.PostFormAsync("/account/register", ("email", "ann@example.com"), ("password", "short")),
            HttpStatusCode.BadRequest);
        string accepted = await PageAsync(
            await _client.PostFormAsync("/account/register", ("email", "ann@example.com"), ("password", SampleClient.Password)),
            HttpStatusCode.Accepted);
        Uri link = await _mailbox.LinkAsync("ann@example.com", "activation");
        string landing = await PageAsync(await _client.GetAsync(link.PathAndQuery), HttpStatusCode.OK);
        string activated = await PageAsync(await _client.PostFormAsync("/account/activate", ("token", DevMailbox.TokenOf(link))), HttpStatusCode.OK);

        invalid.Should().Contain("<h1>Please check the form</h1>").And.Contain("class=\"notice error\"").And.Contain("<li>");
        accepted.Should().Contain("<h1>Check your email</h1>").And.Contain("href=\"/dev/mailbox\"");
        landing.Should().Contain("<h1>Activate your account</h1>")
            .And.Contain("<form method=\"post\" action=\"/account/activate\">")
            .And.Contain($"<input type=\"hidden\" name=\"token\" value=\"{DevMailbox.TokenOf(link)}\">")
            .And.Contain("Activate my account")
            .And.Contain("This link works until");
        activated.Should().Contain("<h1>Your account is active</h1>").And.Contain("<a href=\"/\">Continue to sign in</a>")
            .And.Contain("<p class=\"notice\">").And.NotContain("notice error");
    }

    [Fact]
    public async Task ResetPages_LandingRefusedPasswordOutcomeAndUsedLink_AreInTheSampleLayout()
    {
        await _client.RegisterActiveAsync(_mailbox, "ann@example.com");
        await PageAsync(await _client.PostFormAsync("/account/forgot-password", ("email", "ann@example.com")), HttpStatusCode.Accepted);
        Uri link = await _mailbox.LinkAsync("ann@example.com", "password-reset");
        string token = DevMailbox.TokenOf(link);

        string landing = await PageAsync(await _client.GetAsync(link.PathAndQuery), HttpStatusCode.OK);
        string refused = await PageAsync(
            await _client.PostFormAsync("/account/reset-password", ("token", token), ("password", "12345678")),
            HttpStatusCode.BadRequest);
        string reset = await PageAsync(
            await _client.PostFormAsync("/account/reset-password", ("token", token), ("password", "a brand new secret")),
            HttpStatusCode.OK);
        string used = await PageAsync(
            await _client.PostFormAsync("/account/reset-password", ("token", token), ("password", "yet another secret")),
            HttpStatusCode.Gone);

        landing.Should().Contain("<h1>Choose a new password</h1>")
            .And.Contain("<form method=\"post\" action=\"/account/reset-password\">")
            .And.Contain("name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"8\" maxlength=\"128\"")
            .And.Contain("most common passwords");
        refused.Should().Contain("one of the most common ones", "the store's reason is shown")
            .And.Contain($"value=\"{token}\"", "the form is offered again with the same, still usable link");
        reset.Should().Contain("<h1>Your password was changed</h1>").And.Contain("Continue to sign in");
        used.Should().Contain("<p class=\"notice error\">")
            .And.Contain("<h2>Get a new link</h2>")
            .And.Contain("<form method=\"post\" action=\"/account/forgot-password\">")
            .And.Contain("autocomplete=\"email\"");
    }

    [Fact]
    public async Task Landing_OfAForgedLink_IsAnOutcomePageInTheSampleLayout()
    {
        string page = await PageAsync(await _client.GetAsync("/account/reset-password?token=not-a-token"), HttpStatusCode.OK);

        page.Should().Contain("is not valid").And.Contain("<p class=\"notice error\">", "a dead link is shown as one, though a landing answers 200").And.NotContain("<form");
    }

    /// <summary>Checks what every flow page shares and returns its HTML.</summary>
    private static async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            string html = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(status, html);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            html.Should().StartWith("<!doctype html>").And.Contain(Layout, "the page is the sample's own").And.NotContain("<script");
            response.Headers.CacheControl!.NoStore.Should().BeTrue("the flows' headers stay on a custom page");
            return html;
        }
    }
}
