using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class IssueAndRedeemTests
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [Fact]
    public async Task RedeemAsync_FreshToken_ReturnsEveryClaimItWasIssuedWith()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        var data = new Dictionary<string, string> { ["email"] = "ann@example.com", ["locale"] = "fr-FR" };

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = data });
        LinkValidationResult result = await links.RedeemAsync(issued.Token, TestLinks.Activate);

        result.Succeeded.Should().BeTrue();
        result.Failure.Should().Be(LinkFailure.None);
        result.Subject.Should().Be("user-42");
        result.Purpose.Should().Be(TestLinks.Activate);
        result.TokenId.Should().Be(issued.TokenId);
        result.IssuedAt.Should().Be(TestLinks.Start);
        result.ExpiresAt.Should().Be(TestLinks.Start.AddHours(2));
        result.Data.Should().BeEquivalentTo(data);
        issued.Subject.Should().Be("user-42");
        issued.Purpose.Should().Be(TestLinks.Activate);
        issued.IssuedAt.Should().Be(TestLinks.Start);
        issued.ExpiresAt.Should().Be(TestLinks.Start.AddHours(2));
    }
}
