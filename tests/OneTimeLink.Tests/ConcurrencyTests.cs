using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task RedeemAsync_64ConcurrentCalls_ExactlyOneSucceeds()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");
        using var gate = new ManualResetEventSlim();

        Task<LinkValidationResult>[] redeems = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(async () =>
            {
                gate.Wait();
                return await links.RedeemAsync(issued.Token, TestLinks.Activate);
            }))
            .ToArray();
        gate.Set();
        LinkValidationResult[] results = await Task.WhenAll(redeems);

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Failure == LinkFailure.AlreadyRedeemed).And.HaveCount(63);
    }

    [Fact]
    public async Task RedeemAsync_ConcurrentWrongPurposeCalls_DoNotConsume()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        LinkValidationResult[] wrong = await Task.WhenAll(
            Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await links.RedeemAsync(issued.Token, TestLinks.Reset))));

        wrong.Should().OnlyContain(r => r.Failure == LinkFailure.WrongPurpose);
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }
}
