using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Testing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class LoggingTests
{
    /// <summary>
    /// ASP.NET Core's own request log writes each request's URL, query string included: with query placement the
    /// landing page's URL holds the token. That is the application's logging choice (PACKAGE.md says so), not ours.
    /// </summary>
    private const string HostingRequestLog = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task Logs_OfAWholeFlowWithFailures_HoldNeitherTokenNorPasswordNorEmail()
    {
        await using TestApp app = await TestApp.StartAsync();
        const string FormPassword = "form password 123";
        const string ReplacingPassword = "replacing secret 456";
        const string RefusedPassword = "my password 789";
        const string NewPassword = "brand new secret 012";

        SentLink sent = await app.RegisterAsync("ann@example.com");
        await app.Client.PostAsync("/account/register", new FormUrlEncodedContent([new("email", "bob@example.com"), new("password", FormPassword)]));
        await app.Client.GetAsync(sent.PathAndQuery);
        await app.PostTokenAsync(sent.Token + "x");
        (await app.PostTokenAsync(sent.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await app.PostTokenAsync(sent.Token);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.Client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = TestApp.Password });
        await app.Client.PostAsJsonAsync("/account/register", new { email = "ann@example.com", password = "short" });
        await app.Client.PostAsJsonAsync("/account/register", new { email = "bob@example.com", password = ReplacingPassword });
        SentLink bobs = app.Sender.LastLinkTo("bob@example.com");
        app.Time.Advance(TimeSpan.FromHours(3));
        await app.PostTokenAsync(bobs.Token);
        SentLink reset = await app.ForgotPasswordAsync("ann@example.com");
        await app.Client.PostAsJsonAsync("/account/reset-password", new { token = reset.Token, password = RefusedPassword });
        (await app.Client.PostAsJsonAsync("/account/reset-password", new { token = reset.Token, password = NewPassword })).StatusCode.Should().Be(HttpStatusCode.OK);

        IReadOnlyList<FakeLogRecord> records = app.Logs.GetSnapshot();
        string[] secrets = [sent.Token, bobs.Token, reset.Token, TestApp.Password, FormPassword, ReplacingPassword, RefusedPassword, NewPassword, "short"];
        foreach (FakeLogRecord record in records.Where(r => r.Category != HostingRequestLog))
        {
            string text = Render(record);
            text.Should().NotContainAny(secrets, "log {0} of {1} must not hold a secret", record.Id, record.Category);
            if (record.Category?.StartsWith("OneTimeLink", StringComparison.Ordinal) == true)
            {
                text.Should().NotContain("@example.com", "users are logged by id, not by email address");
            }
        }

        records.Select(r => r.Id.Name).Should().Contain(
        [
            "UserRegistered", "LinkSent", "RegistrationForExistingUser", "NoticeSent", "InvalidRequest", "UserActivated", "AlreadyActive",
            "LinkRefused", "PendingRegistrationReplaced", "PasswordRefused", "PasswordReset",
        ]);
        records.Where(r => r.Id.Name == "LinkRefused").Select(r => r.Message)
            .Should().Contain(m => m.Contains("link_invalid", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("link_expired", StringComparison.Ordinal));
        records.Single(r => r.Id.Name == "UserActivated").Message.Should().Contain(sent.User.Id);
    }

    private static string Render(FakeLogRecord record) =>
        string.Join(
            "\n",
            [record.Message, record.Exception?.ToString() ?? string.Empty, .. (record.StructuredState ?? []).Select(p => p.Key + "=" + p.Value)]);
}
