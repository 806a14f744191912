using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redemption;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class InMemoryRedemptionStoreTests
{
    private readonly FakeTimeProvider _time = new(TestLinks.Start);

    [Fact]
    public async Task TryRedeemAsync_FirstCallTrue_ThenFalse()
    {
        InMemoryRedemptionStore store = CreateStore(capacity: 10);

        (await store.TryRedeemAsync("a", _time.GetUtcNow().AddMinutes(1), default)).Should().BeTrue();
        (await store.TryRedeemAsync("a", _time.GetUtcNow().AddMinutes(1), default)).Should().BeFalse();
    }

    [Fact]
    public async Task TryRedeemAsync_FullOfUnexpiredEntries_RefusesInsteadOfEvicting()
    {
        InMemoryRedemptionStore store = CreateStore(capacity: 3);
        for (int i = 0; i < 3; i++)
        {
            await store.TryRedeemAsync($"t{i}", _time.GetUtcNow().AddMinutes(10), default);
        }

        Func<Task> redeem = async () => await store.TryRedeemAsync("t3", _time.GetUtcNow().AddMinutes(10), default);

        (await redeem.Should().ThrowAsync<RedemptionStoreUnavailableException>()).WithMessage("*InMemoryRedemptionCapacity*");
        (await store.TryRedeemAsync("t0", _time.GetUtcNow().AddMinutes(10), default)).Should().BeFalse("an unexpired entry is never forgotten");
    }

    [Fact]
    public async Task TryRedeemAsync_FullButEntriesExpired_SweepsThemAndAccepts()
    {
        InMemoryRedemptionStore store = CreateStore(capacity: 3);
        for (int i = 0; i < 3; i++)
        {
            await store.TryRedeemAsync($"t{i}", _time.GetUtcNow().AddMinutes(1), default);
        }

        _time.Advance(TimeSpan.FromMinutes(1));

        (await store.TryRedeemAsync("t3", _time.GetUtcNow().AddMinutes(1), default)).Should().BeTrue();
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task RedeemAsync_StoreFull_IsStoreUnavailable_AndValidateStillWorks()
    {
        IOneTimeLinkService links = TestLinks.CreateService(_time, o => o.InMemoryRedemptionCapacity = 1);
        IssuedLink first = await links.IssueAsync(TestLinks.Activate, "user-1");
        IssuedLink second = await links.IssueAsync(TestLinks.Activate, "user-2");
        await links.RedeemAsync(first.Token, TestLinks.Activate);

        LinkValidationResult refused = await links.RedeemAsync(second.Token, TestLinks.Activate);

        refused.Failure.Should().Be(LinkFailure.StoreUnavailable);
        refused.Subject.Should().Be("user-2");
        (await links.ValidateAsync(second.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task RedeemAsync_StoreThrows_IsStoreUnavailable_NeverAnException()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(
            _time,
            services: s => s.AddSingleton<IRedemptionStore, BrokenStore>());
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");

        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Failure.Should().Be(LinkFailure.StoreUnavailable);
    }

    [Fact]
    public async Task RedeemAsync_CallerCancels_Throws()
    {
        using ServiceProvider provider = TestLinks.CreateProvider(
            _time,
            services: s => s.AddSingleton<IRedemptionStore, CancellableStore>());
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Func<Task> redeem = async () => await links.RedeemAsync(issued.Token, TestLinks.Activate, cancellation.Token);

        await redeem.Should().ThrowAsync<OperationCanceledException>();
    }

    private InMemoryRedemptionStore CreateStore(int capacity) =>
        new(Options.Create(new OneTimeLinkOptions { InMemoryRedemptionCapacity = capacity }), _time);

    private sealed class BrokenStore : IRedemptionStore
    {
        public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
            throw new TimeoutException("The store did not answer.");
    }

    private sealed class CancellableStore : IRedemptionStore
    {
        public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(true);
        }
    }
}
