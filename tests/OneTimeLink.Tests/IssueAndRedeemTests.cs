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

    [Fact]
    public async Task IssueAsync_Token_HasTheLinkTokenHeaderAndNoPadding()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        string[] parts = issued.Token.Split('.');
        parts.Should().HaveCount(3);
        issued.Token.Should().NotContainAny("=", "+", "/");
        string header = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[0]));
        header.Should().Contain("\"typ\":\"otl+jwt\"").And.Contain("\"kid\":\"k1\"").And.Contain("\"alg\":\"HS256\"");
        issued.TokenId.Should().MatchRegex("^[A-Za-z0-9_-]{22}$");
    }

    [Fact]
    public async Task IssueAsync_TwoLinks_HaveDifferentTokenIds()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        IssuedLink first = await links.IssueAsync(TestLinks.Activate, "user-42");
        IssuedLink second = await links.IssueAsync(TestLinks.Activate, "user-42");

        second.TokenId.Should().NotBe(first.TokenId);
        second.Token.Should().NotBe(first.Token);
    }

    [Fact]
    public async Task ValidateAsync_ConsumesNothing()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        (await links.ValidateAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        (await links.ValidateAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task RedeemAsync_SecondTime_IsAlreadyRedeemedWithTheVerifiedSubject()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");
        await links.RedeemAsync(issued.Token, TestLinks.Activate);

        LinkValidationResult again = await links.RedeemAsync(issued.Token, TestLinks.Activate);

        again.Failure.Should().Be(LinkFailure.AlreadyRedeemed);
        again.Subject.Should().Be("user-42");
        again.TokenId.Should().Be(issued.TokenId);
    }

    [Fact]
    public async Task RedeemAsync_PurposeNotSingleUse_CanBeRedeemedAgainUntilExpiry()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time, o => o.Purposes["magic-login"] = new LinkPurposeOptions { Lifetime = TimeSpan.FromMinutes(10), SingleUse = false });
        IssuedLink issued = await links.IssueAsync("magic-login", "user-42");

        (await links.RedeemAsync(issued.Token, "magic-login")).Succeeded.Should().BeTrue();
        (await links.RedeemAsync(issued.Token, "magic-login")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task RedeemAsync_OtherPurpose_IsWrongPurposeAndDoesNotConsume()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        (await links.RedeemAsync(issued.Token, TestLinks.Reset)).Failure.Should().Be(LinkFailure.WrongPurpose);
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task IssueAsync_UnknownPurpose_ThrowsWithTheConfiguredOnes()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        Func<Task> issue = async () => await links.IssueAsync("become-admin", "user-42");

        (await issue.Should().ThrowAsync<ArgumentException>()).WithMessage("*'become-admin' is not configured*activate-account*");
    }

    [Fact]
    public async Task ValidateAsync_UnknownPurpose_Throws()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        Func<Task> validate = async () => await links.ValidateAsync("a.b.c", "become-admin");

        await validate.Should().ThrowAsync<ArgumentException>();
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("sub")]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("nbf")]
    [InlineData("iat")]
    [InlineData("jti")]
    [InlineData("pur")]
    [InlineData("stp")]
    [InlineData("")]
    public async Task IssueAsync_ReservedOrEmptyDataName_Throws(string name)
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);
        var options = new LinkIssueOptions { Data = new Dictionary<string, string> { [name] = "x" } };

        Func<Task> issue = async () => await links.IssueAsync(TestLinks.Activate, "user-42", options);

        (await issue.Should().ThrowAsync<ArgumentException>()).WithMessage("*reserved*");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task IssueAsync_NoSubject_Throws(string? subject)
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        Func<Task> issue = async () => await links.IssueAsync(TestLinks.Activate, subject!);

        await issue.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task ValidateAsync_NullToken_Throws()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time);

        Func<Task> validate = async () => await links.ValidateAsync(null!, TestLinks.Activate);

        await validate.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task IssueAsync_TokenOverTheSizeLimit_IsRefusedNamingTheCause()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var data = new Dictionary<string, string> { ["profile"] = new('x', 3000) };

        Func<Task> issue = async () => await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = data });
        Func<Task> longSubject = async () => await links.IssueAsync(TestLinks.Activate, new string('s', 3000));

        (await issue.Should().ThrowAsync<ArgumentException>()).WithMessage("The link token would be * characters long, over the limit of 4096*LinkIssueOptions.Data*")
            .Which.ParamName.Should().Be("options");
        (await longSubject.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("subject");
    }

    [Fact]
    public async Task IssueAsync_LargestTokenUnderTheLimit_Validates()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        int size = 2000;
        IssuedLink? issued = null;
        while (true)
        {
            try
            {
                issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = new Dictionary<string, string> { ["p"] = new('x', size) } });
                size++;
            }
            catch (ArgumentException)
            {
                break;
            }
        }

        issued!.Token.Length.Should().BeInRange(4093, 4096);
        (await links.ValidateAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task IssuedLink_CanBeMadeByAnApplication_ToFakeTheService()
    {
        var link = new IssuedLink("token", "id", TestLinks.Activate, "user-42", TestLinks.Start, TestLinks.Start.AddHours(1));
        var fake = new FakeLinks(link);

        IssuedLink issued = await fake.IssueAsync(TestLinks.Activate, "user-42");

        issued.Should().BeSameAs(link);
        issued.ExpiresAt.Should().Be(TestLinks.Start.AddHours(1));
    }

    private sealed class FakeLinks(IssuedLink link) : IOneTimeLinkService
    {
        public ValueTask<IssuedLink> IssueAsync(string purpose, string subject, LinkIssueOptions? options = null, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(link);

        public ValueTask<LinkValidationResult> ValidateAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(LinkValidationResult.Success(link.Subject, link.Purpose, link.TokenId, link.IssuedAt, link.ExpiresAt));

        public ValueTask<LinkValidationResult> RedeemAsync(string token, string purpose, CancellationToken cancellationToken = default) =>
            ValidateAsync(token, purpose, cancellationToken);
    }
}
