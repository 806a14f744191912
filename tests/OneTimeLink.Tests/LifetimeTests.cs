using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class LifetimeTests
{
    private static readonly TimeSpan s_skew = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [Fact]
    public async Task IssueAsync_UsesThePurposeLifetime()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        IssuedLink activation = await links.IssueAsync(TestLinks.Activate, "user-42");
        IssuedLink reset = await links.IssueAsync(TestLinks.Reset, "user-42");

        activation.ExpiresAt.Should().Be(TestLinks.Start.AddHours(2));
        reset.ExpiresAt.Should().Be(TestLinks.Start.AddMinutes(15));
    }

    [Fact]
    public async Task IssueAsync_ShorterLifetimePerCall_IsUsed()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Lifetime = TimeSpan.FromMinutes(5) });

        issued.ExpiresAt.Should().Be(TestLinks.Start.AddMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(5) + s_skew);
        (await links.ValidateAsync(issued.Token, TestLinks.Activate)).Failure.Should().Be(LinkFailure.Expired);
    }

    [Theory]
    [InlineData(7201)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task IssueAsync_LifetimeOutsideThePurposes_Throws(int seconds)
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        Func<Task> issue = async () => await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Lifetime = TimeSpan.FromSeconds(seconds) });

        (await issue.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithMessage("*between one second and its purpose's lifetime*");
    }

    [Fact]
    public async Task Validate_OneSecondBeforeExpiryPlusSkew_Succeeds()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Reset, "user-42");

        _time.SetUtcNow(issued.ExpiresAt + s_skew - TimeSpan.FromSeconds(1));

        (await links.RedeemAsync(issued.Token, TestLinks.Reset)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Validate_ExactlyAtExpiryPlusSkew_IsExpired()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Reset, "user-42");

        _time.SetUtcNow(issued.ExpiresAt + s_skew);

        LinkValidationResult result = await links.RedeemAsync(issued.Token, TestLinks.Reset);
        result.Failure.Should().Be(LinkFailure.Expired);
        result.Subject.Should().Be("user-42");
        result.ExpiresAt.Should().Be(issued.ExpiresAt);
    }

    [Fact]
    public async Task Validate_OneSecondAfterExpiryPlusSkew_IsExpired()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Reset, "user-42");

        _time.SetUtcNow(issued.ExpiresAt + s_skew + TimeSpan.FromSeconds(1));

        (await links.ValidateAsync(issued.Token, TestLinks.Reset)).Failure.Should().Be(LinkFailure.Expired);
        (await links.RedeemAsync(issued.Token, TestLinks.Reset)).Failure.Should().Be(LinkFailure.Expired);
    }

    [Fact]
    public async Task Validate_ZeroSkew_ExpiresExactlyAtExp()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time, o => o.ClockSkew = TimeSpan.Zero);
        IssuedLink issued = await links.IssueAsync(TestLinks.Reset, "user-42");

        _time.SetUtcNow(issued.ExpiresAt - TimeSpan.FromSeconds(1));
        LinkValidationResult before = await links.ValidateAsync(issued.Token, TestLinks.Reset);
        _time.SetUtcNow(issued.ExpiresAt);
        LinkValidationResult at = await links.ValidateAsync(issued.Token, TestLinks.Reset);

        before.Succeeded.Should().BeTrue();
        at.Failure.Should().Be(LinkFailure.Expired);
    }

    [Fact]
    public async Task Validate_NotBeforeWithinSkew_Succeeds_BeyondSkew_IsNotYetValid()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        long start = TestLinks.Start.ToUnixTimeSeconds();
        string withinSkew = TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(nbf: start + 30));
        string beyondSkew = TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(nbf: start + 31));

        (await links.ValidateAsync(withinSkew, TestLinks.Activate)).Succeeded.Should().BeTrue();
        (await links.ValidateAsync(beyondSkew, TestLinks.Activate)).Failure.Should().Be(LinkFailure.NotYetValid);
    }

    [Fact]
    public async Task Validate_PurposeLifetimeShortenedSinceIssue_ReachesTokensAlreadyOut()
    {
        using var reloadable = new ReloadableLinks(_time);
        IOneTimeLinkService links = reloadable.Links;
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        reloadable.Settings["OneTimeLinks:Purposes:activate-account:Lifetime"] = "00:30:00";
        reloadable.Reload();
        _time.Advance(TimeSpan.FromMinutes(30) + s_skew - TimeSpan.FromSeconds(1));
        LinkValidationResult justBefore = await links.ValidateAsync(issued.Token, TestLinks.Activate);
        _time.Advance(TimeSpan.FromSeconds(1));
        LinkValidationResult atTheNewLimit = await links.ValidateAsync(issued.Token, TestLinks.Activate);

        issued.ExpiresAt.Should().Be(TestLinks.Start.AddHours(2));
        justBefore.Failure.Should().Be(LinkFailure.None);
        atTheNewLimit.Failure.Should().Be(LinkFailure.Expired);
        atTheNewLimit.ExpiresAt.Should().Be(issued.ExpiresAt, "the result reports the token's own exp");
    }

    [Fact]
    public async Task Validate_ExtremeDatesLifetimesAndSkew_NeitherOverflowNorThrow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.MaxValue.AddDays(-1));
        IOneTimeLinkService links = TestLinks.CreateService(time, o =>
        {
            o.ClockSkew = TimeSpan.MaxValue;
            o.Purposes[TestLinks.Activate].Lifetime = TimeSpan.MaxValue;
        });
        long max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");
        LinkValidationResult redeemed = await links.RedeemAsync(issued.Token, TestLinks.Activate);
        LinkValidationResult forged = await links.ValidateAsync(TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(iat: max, exp: max, nbf: max)), TestLinks.Activate);

        issued.ExpiresAt.ToUnixTimeSeconds().Should().Be(max, "a lifetime past the last representable second stops there");
        redeemed.Failure.Should().Be(LinkFailure.None);
        forged.Failure.Should().Be(LinkFailure.None);
    }
}
