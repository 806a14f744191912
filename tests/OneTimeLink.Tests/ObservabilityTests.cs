using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class ObservabilityTests
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [Fact]
    public async Task Metrics_CountIssuedRedeemedAndRejectedByPurposeAndReason()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(_time);
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        using var issued = new MetricCollector<long>(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "OneTimeLink", "onetimelink.links.issued");
        using var redeemed = new MetricCollector<long>(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "OneTimeLink", "onetimelink.links.redeemed");
        using var rejected = new MetricCollector<long>(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "OneTimeLink", "onetimelink.links.rejected");

        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-42");
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        await links.ValidateAsync("garbage", TestLinks.Activate);

        issued.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["onetimelink.purpose"].Should().Be(TestLinks.Activate);
        redeemed.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
        IReadOnlyList<CollectedMeasurement<long>> rejections = rejected.GetMeasurementSnapshot();
        rejections.Should().HaveCount(2);
        rejections[0].Tags["error.type"].Should().Be("already_redeemed");
        rejections[0].Tags["onetimelink.operation"].Should().Be("redeem");
        rejections[1].Tags["error.type"].Should().Be("malformed");
        rejections[1].Tags["onetimelink.operation"].Should().Be("validate");
    }

    [Fact]
    public async Task Logs_NameTheTokenIdAndPurpose_NeverTheToken()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(_time, services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug)).AddFakeLogging());
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();

        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-42");
        await links.ValidateAsync(link.Token, TestLinks.Activate);
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        await links.RedeemAsync(link.Token, TestLinks.Reset);

        IReadOnlyList<FakeLogRecord> records = provider.GetFakeLogCollector().GetSnapshot();
        records.Select(r => r.Id.Name).Should().Equal("LinkIssued", "LinkValidated", "LinkRedeemed", "LinkRejected", "LinkRejected");
        records.Should().OnlyContain(r => r.Message.Contains(link.TokenId, StringComparison.Ordinal) && r.Message.Contains("'", StringComparison.Ordinal));
        records.Should().NotContain(r => r.Message.Contains(link.Token, StringComparison.Ordinal)
            || r.Message.Contains(link.Token.Split('.')[2], StringComparison.Ordinal));
        records[3].Level.Should().Be(LogLevel.Information);
        records[3].Message.Should().Contain("AlreadyRedeemed");
        records[4].Message.Should().Contain("WrongPurpose");
    }

    [Fact]
    public async Task Activities_AreStartedPerOperationWithPurposeAndOutcome()
    {
        // The listener hears every test running in parallel: keep the activities of this test's token only.
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "OneTimeLink",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        IssuedLink link = await links.IssueAsync(TestLinks.Activate, "user-42");
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        await links.RedeemAsync(link.Token, TestLinks.Activate);
        List<Activity> activities = [.. stopped.Where(a => (string?)a.GetTagItem("onetimelink.token_id") == link.TokenId)];

        activities.Select(a => a.OperationName).Should().Equal("onetimelink.issue", "onetimelink.redeem", "onetimelink.redeem");
        activities.Should().OnlyContain(a => (string?)a.GetTagItem("onetimelink.purpose") == TestLinks.Activate);
        activities[2].GetTagItem("error.type").Should().Be("already_redeemed");
        activities[1].GetTagItem("error.type").Should().BeNull();
    }
}
