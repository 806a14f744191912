using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class StateBindingTests
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);
    private readonly UserStates _states = new();

    [Fact]
    public async Task Redeem_StateUnchanged_Succeeds()
    {
        IOneTimeLinkService links = CreateBoundService();
        _states.Set("user-42", "inactive:stamp-1");

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Redeem_StateChanged_IsStateChangedWithTheSubject_AndNotConsumed()
    {
        IOneTimeLinkService links = CreateBoundService();
        _states.Set("user-42", "inactive:stamp-1");
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        _states.Set("user-42", "active:stamp-1");
        LinkValidationResult changed = await links.RedeemAsync(issued.Token, TestLinks.Activate);
        _states.Set("user-42", "inactive:stamp-1");
        LinkValidationResult restored = await links.RedeemAsync(issued.Token, TestLinks.Activate);

        changed.Failure.Should().Be(LinkFailure.StateChanged);
        changed.Subject.Should().Be("user-42");
        restored.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Redeem_SubjectDeleted_IsStateChanged()
    {
        IOneTimeLinkService links = CreateBoundService();
        _states.Set("user-42", string.Empty);
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        _states.Remove("user-42");

        (await links.ValidateAsync(issued.Token, TestLinks.Activate)).Failure.Should().Be(LinkFailure.StateChanged);
    }

    [Fact]
    public async Task Token_CarriesAKeyedHashOfTheState_NeverTheStateItself()
    {
        IOneTimeLinkService links = CreateBoundService();
        _states.Set("user-42", "SECRET-STAMP-VALUE");

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        string payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(issued.Token.Split('.')[1]));
        payload.Should().MatchRegex("\"stp\":\"[A-Za-z0-9_-]{22}\"").And.NotContain("SECRET-STAMP-VALUE");
    }

    [Fact]
    public async Task Redeem_TokenWithoutStateHashForABoundPurpose_IsStateChanged()
    {
        IOneTimeLinkService links = CreateBoundService();
        _states.Set("user-42", "inactive");

        LinkValidationResult result = await links.RedeemAsync(TokenForge.Sign(TokenForge.Header(), TokenForge.Payload()), TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.StateChanged);
    }

    [Fact]
    public async Task KeyedProvider_AnswersForItsPurposeOnly()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(_time);
        collection.AddSingleton(_states);
        collection.AddOneTimeLinks(TestLinks.Configure)
            .AddPurpose(TestLinks.Activate, p => p.BindState = true)
            .AddStateProvider<UserStateProvider>(TestLinks.Activate);
        using ServiceProvider provider = collection.BuildServiceProvider();
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        _states.Set("user-42", "one");

        IssuedLink bound = await links.IssueAsync(TestLinks.Activate, "user-42");
        IssuedLink unbound = await links.IssueAsync(TestLinks.Reset, "user-42");
        _states.Set("user-42", "two");

        (await links.ValidateAsync(bound.Token, TestLinks.Activate)).Failure.Should().Be(LinkFailure.StateChanged);
        (await links.ValidateAsync(unbound.Token, TestLinks.Reset)).Succeeded.Should().BeTrue();
    }

    private IOneTimeLinkService CreateBoundService() =>
        TestLinks.CreateProvider(
                _time,
                build: b => b.AddPurpose(TestLinks.Activate, p => p.BindState = true).AddStateProvider<UserStateProvider>(),
                services: s => s.AddSingleton(_states))
            .GetRequiredService<IOneTimeLinkService>();

    internal sealed class UserStates
    {
        private readonly ConcurrentDictionary<string, string> _states = new();

        public void Set(string subject, string state) => _states[subject] = state;

        public void Remove(string subject) => _states.TryRemove(subject, out _);

        public string? Get(string subject) => _states.TryGetValue(subject, out string? state) ? state : null;
    }

    internal sealed class UserStateProvider(UserStates states) : ILinkStateProvider
    {
        public ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken) =>
            ValueTask.FromResult(states.Get(subject));
    }
}
