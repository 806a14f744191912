using System.Net;
using System.Net.Http.Json;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>
/// Pre-account-takeover: someone registers the victim's address with a password of their own before the victim does.
/// Registering again replaces the pending registration, so only the mailbox owner's password survives activation.
/// </summary>
public sealed class PreAccountTakeoverTests
{
    private const string Victim = "victim@example.com";
    private const string AttackerPassword = "attacker chose this";
    private const string OwnerPassword = "the owner chose this";

    [Fact]
    public async Task RegisterAgain_ReplacesThePendingRegistration_OnlyTheNewPasswordWorks_AndTheFirstLinkIsDead()
    {
        await using TestApp app = await TestApp.StartAsync();
        (await app.Client.PostAsJsonAsync("/account/register", new { email = Victim, password = AttackerPassword })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        SentLink attackers = app.Sender.LastLinkTo(Victim);
        app.Time.Advance(TimeSpan.FromMinutes(1));

        (await app.Client.PostAsJsonAsync("/account/register", new { email = Victim, password = OwnerPassword })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        SentLink owners = app.Sender.LastLinkTo(Victim);

        owners.Token.Should().NotBe(attackers.Token);
        app.Sender.Notices.Should().BeEmpty("an inactive account gets a fresh link, not an account-exists notice");
        using HttpResponseMessage stale = await app.PostTokenAsync(attackers.Token);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");

        using HttpResponseMessage activated = await app.PostTokenAsync(owners.Token);
        (await activated.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("activated");
        app.Store.HasPassword(Victim, OwnerPassword).Should().BeTrue();
        app.Store.HasPassword(Victim, AttackerPassword).Should().BeFalse();
    }

    [Fact]
    public async Task RegisterAgain_WithinTheThrottleWindow_ChangesNothing()
    {
        await using TestApp app = await TestApp.StartAsync();
        await app.Client.PostAsJsonAsync("/account/register", new { email = Victim, password = AttackerPassword });

        await app.Client.PostAsJsonAsync("/account/register", new { email = Victim, password = OwnerPassword });

        app.Store.HasPassword(Victim, AttackerPassword).Should().BeTrue("a throttled request does nothing at all");
        app.Sender.Links.Should().HaveCount(1);
    }

    [Fact]
    public async Task RegisterAgain_AfterActivation_NeverChangesThePassword()
    {
        await using TestApp app = await TestApp.StartAsync();
        SentLink sent = await app.RegisterAsync(Victim);
        (await app.PostTokenAsync(sent.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromMinutes(1));

        await app.Client.PostAsJsonAsync("/account/register", new { email = Victim, password = AttackerPassword });

        app.Store.HasPassword(Victim, TestApp.Password).Should().BeTrue();
        app.Sender.Notices.Should().ContainSingle();
    }
}
