using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class KeyRotationTests
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [Fact]
    public async Task NewKeyFirst_OldTokensStillValidate_NewTokensUseTheNewKey()
    {
        IssuedLink old = await TestLinks.CreateService(_time).IssueAsync(TestLinks.Activate, "user-42");
        IOneTimeLinkService rotated = TestLinks.CreateService(_time, o => o.Keys.Insert(0, new SigningKeyOptions { Id = "k2", Secret = TestLinks.OtherSecret }));

        IssuedLink fresh = await rotated.IssueAsync(TestLinks.Activate, "user-7");

        (await rotated.RedeemAsync(old.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        (await rotated.RedeemAsync(fresh.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        HeaderOf(fresh.Token).Should().Contain("\"kid\":\"k2\"");
    }

    [Fact]
    public async Task OldKeyRetired_ItsTokensAreUnknownKey()
    {
        IssuedLink old = await TestLinks.CreateService(_time).IssueAsync(TestLinks.Activate, "user-42");
        IOneTimeLinkService retired = TestLinks.CreateService(_time, o =>
        {
            o.Keys.Clear();
            o.Keys.Add(new SigningKeyOptions { Id = "k2", Secret = TestLinks.OtherSecret });
        });

        LinkValidationResult result = await retired.ValidateAsync(old.Token, TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.UnknownKey);
        result.Subject.Should().BeNull();
    }

    [Fact]
    public async Task KeyIdReusedForAnotherSecret_IsInvalidSignature()
    {
        IssuedLink old = await TestLinks.CreateService(_time).IssueAsync(TestLinks.Activate, "user-42");
        IOneTimeLinkService reused = TestLinks.CreateService(_time, o => o.Keys[0].Secret = TestLinks.OtherSecret);

        (await reused.ValidateAsync(old.Token, TestLinks.Activate)).Failure.Should().Be(LinkFailure.InvalidSignature);
    }

    [Theory]
    [InlineData("HS384", "mT6Dl9q5t2s8vB0nX4cZ7hJ1kL3pR6wY9aE2fG5iK8oQ1uT4yW7zC0bN3mV6xS9d")]
    [InlineData("HS512", "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGiow==")]
    public async Task StrongerAlgorithms_RoundTrip_AndArePinned(string algorithm, string secret)
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time, o =>
        {
            o.Keys.Clear();
            o.Keys.Add(new SigningKeyOptions { Id = "strong", Algorithm = algorithm, Secret = secret });
        });
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");
        string downgraded = TokenForge.Sign(TokenForge.Header(alg: "HS256", kid: "strong"), TokenForge.Payload(), secret);

        HeaderOf(issued.Token).Should().Contain($"\"alg\":\"{algorithm}\"");
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        (await links.RedeemAsync(downgraded, TestLinks.Activate)).Failure.Should().Be(LinkFailure.InvalidSignature);
    }

    [Fact]
    public async Task ConfigurationReload_RotatesKeysWithoutARestart()
    {
        using var reloadable = new ReloadableLinks(_time);
        IOneTimeLinkService links = reloadable.Links;
        IssuedLink old = await links.IssueAsync(TestLinks.Activate, "user-42");

        // Step 1: the new key first, the old one still validating.
        reloadable.Settings["OneTimeLinks:Keys:0:Id"] = "k2";
        reloadable.Settings["OneTimeLinks:Keys:0:Secret"] = TestLinks.OtherSecret;
        reloadable.Settings["OneTimeLinks:Keys:1:Id"] = "k1";
        reloadable.Settings["OneTimeLinks:Keys:1:Secret"] = TestLinks.Secret;
        reloadable.Reload();
        IssuedLink fresh = await links.IssueAsync(TestLinks.Activate, "user-7");
        LinkValidationResult oldDuringRotation = await links.ValidateAsync(old.Token, TestLinks.Activate);

        // Step 2: the old key removed; its tokens are unknown from this reload on.
        reloadable.Settings.Remove("OneTimeLinks:Keys:1:Id");
        reloadable.Settings.Remove("OneTimeLinks:Keys:1:Secret");
        reloadable.Reload();
        LinkValidationResult oldAfterRemoval = await links.ValidateAsync(old.Token, TestLinks.Activate);
        LinkValidationResult freshAfterRemoval = await links.ValidateAsync(fresh.Token, TestLinks.Activate);

        HeaderOf(fresh.Token).Should().Contain("\"kid\":\"k2\"");
        oldDuringRotation.Failure.Should().Be(LinkFailure.None);
        oldAfterRemoval.Failure.Should().Be(LinkFailure.UnknownKey);
        freshAfterRemoval.Failure.Should().Be(LinkFailure.None);
    }

    private static string HeaderOf(string token) =>
        System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[0]));
}
