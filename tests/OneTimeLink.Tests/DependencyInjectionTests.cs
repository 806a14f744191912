using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddOneTimeLinks_WithoutAddLoggingOrTimeProvider_Works()
    {
        var services = new ServiceCollection();
        services.AddOneTimeLinks(TestLinks.Configure);
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void AddOneTimeLinks_ServiceIsASingleton()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(new FakeTimeProvider(TestLinks.Start));

        provider.GetRequiredService<IOneTimeLinkService>().Should().BeSameAs(provider.GetRequiredService<IOneTimeLinkService>());
    }

    [Fact]
    public async Task AddOneTimeLinks_SameConfigurationTwice_IsHarmless()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneTimeLinks:Issuer"] = TestLinks.Issuer,
            ["OneTimeLinks:Audience"] = TestLinks.Audience,
            ["OneTimeLinks:Keys:0:Id"] = "k1",
            ["OneTimeLinks:Keys:0:Secret"] = TestLinks.Secret,
            ["OneTimeLinks:Purposes:activate-account:Lifetime"] = "02:00:00",
        }).Build();
        var services = new ServiceCollection();

        services.AddOneTimeLinks(configuration.GetSection("OneTimeLinks"));
        services.AddOneTimeLinks(configuration.GetSection("OneTimeLinks"));
        services.AddOneTimeLinks();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<OneTimeLinkOptions>>().Value.Keys.Should().ContainSingle();
        services.Count(d => d.ServiceType == typeof(IOneTimeLinkService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IRedemptionStore)).Should().Be(1);
        IssuedLink issued = await provider.GetRequiredService<IOneTimeLinkService>().IssueAsync(TestLinks.Activate, "user-42");
        issued.Token.Should().NotBeEmpty();
    }

    [Fact]
    public async Task AddPurpose_AddsAPurposeInCode()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(
            new FakeTimeProvider(TestLinks.Start),
            build: b => b.AddPurpose("invite", p => p.Lifetime = TimeSpan.FromDays(7)));

        IssuedLink issued = await provider.GetRequiredService<IOneTimeLinkService>().IssueAsync("invite", "user-42");

        issued.ExpiresAt.Should().Be(TestLinks.Start.AddDays(7));
    }

    [Fact]
    public async Task CustomRedemptionStore_RegisteredBefore_IsUsed()
    {
        var store = new RecordingStore();
        using ServiceProvider provider = TestLinks.CreateProvider(
            new FakeTimeProvider(TestLinks.Start),
            services: s => s.AddSingleton<IRedemptionStore>(store));
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        await links.RedeemAsync(issued.Token, TestLinks.Activate);

        store.Calls.Should().ContainSingle().Which.Should().Be((issued.TokenId, issued.ExpiresAt.AddSeconds(30)));
    }

    private sealed class RecordingStore : IRedemptionStore
    {
        public List<(string TokenId, DateTimeOffset ExpiresAt)> Calls { get; } = [];

        public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            Calls.Add((tokenId, expiresAt));
            return ValueTask.FromResult(true);
        }
    }
}
