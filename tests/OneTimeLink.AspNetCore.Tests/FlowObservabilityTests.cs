using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>Each flow counts requests, mail, landings, confirmations and refusals, and logs links opened but never confirmed.</summary>
public sealed class FlowObservabilityTests
{
    [Fact]
    public async Task Counters_TellFlowsApart_AndRefusalsByReason()
    {
        await using TestApp app = await TestApp.StartAsync();
        using var requested = Collect(app, "onetimelink.flow.requested");
        using var sent = Collect(app, "onetimelink.flow.sent");
        using var landed = Collect(app, "onetimelink.flow.landed");
        using var confirmed = Collect(app, "onetimelink.flow.confirmed");
        using var rejected = Collect(app, "onetimelink.flow.rejected");

        SentLink activation = await app.RegisterAsync("ann@example.com");
        await app.Client.GetAsync(activation.PathAndQuery);
        await app.PostTokenAsync(activation.Token);
        await app.PostTokenAsync("garbage");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        SentLink reset = await app.ForgotPasswordAsync("ann@example.com");
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Client.PostAsJsonAsync("/account/reset-password", new { token = reset.Token, password = "a new secret 123" });

        Tags(requested).Should().BeEquivalentTo(["activation/Register", "password-reset/ForgotPassword"]);
        Tags(sent, "onetimelink.message").Should().BeEquivalentTo(["activation/activation", "password-reset/password-reset"]);
        Tags(landed, "onetimelink.code").Should().BeEquivalentTo(["activation/link_valid"]);
        Tags(confirmed, "onetimelink.code").Should().BeEquivalentTo(["activation/activated"]);
        Tags(rejected, "error.type").Should().BeEquivalentTo(["activation/link_invalid", "password-reset/link_expired"]);
    }

    [Fact]
    public async Task LandingNeverConfirmed_IsLoggedOnceByTokenId_AConfirmedOneIsNot()
    {
        await using TestApp app = await TestApp.StartAsync();
        SentLink scanned = await app.RegisterAsync("ann@example.com");
        SentLink clicked = await app.RegisterAsync("bob@example.com");
        await app.Client.GetAsync(scanned.PathAndQuery);
        await app.Client.GetAsync(scanned.PathAndQuery);
        await app.Client.GetAsync(clicked.PathAndQuery);
        (await app.PostTokenAsync(clicked.Token)).StatusCode.Should().Be(HttpStatusCode.OK);

        app.Time.Advance(TimeSpan.FromMinutes(20));

        FakeLogRecord record = app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "LandingNotConfirmed").Subject;
        record.Message.Should().Contain("activation").And.Contain("2 time(s)").And.NotContain(scanned.Token);
        record.StructuredState!.Single(p => p.Key == "TokenId").Value.Should().NotBeNullOrEmpty().And.NotBe(scanned.Token);
    }

    private static MetricCollector<long> Collect(TestApp app, string instrument) =>
        new(app.Services.GetRequiredService<IMeterFactory>(), "OneTimeLink", instrument);

    private static IEnumerable<string> Tags(MetricCollector<long> collector, string tag = "onetimelink.request") =>
        collector.GetMeasurementSnapshot().Select(m => $"{m.Tags["onetimelink.flow"]}/{m.Tags[tag]}");
}
