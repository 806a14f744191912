using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Redemption;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class InMemoryRedemptionStoreTests
{
    /// <summary>What the store's segments hold at their smallest, whatever is live: 32 segments of 12 entries before they grow.</summary>
    private const int SegmentSlack = 32 * 12;

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
    public async Task TryRedeemAsync_FullOfUnexpiredEntries_KeepsRefusingUntilTheyExpire_AndNeverForgetsOne()
    {
        InMemoryRedemptionStore store = CreateStore(capacity: 100);
        DateTimeOffset expiresAt = _time.GetUtcNow().AddMinutes(10);
        for (int i = 0; i < 100; i++)
        {
            (await store.TryRedeemAsync($"held-{i}", expiresAt, default)).Should().BeTrue();
        }

        int refused = 0;
        for (int i = 0; i < 1_000; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(599));
            try
            {
                await store.TryRedeemAsync($"new-{i}", _time.GetUtcNow().AddMinutes(10), default);
            }
            catch (RedemptionStoreUnavailableException)
            {
                refused++;
            }
        }

        refused.Should().Be(1_000, "until the first of them expires, every entry of a full store is live");
        for (int i = 0; i < 100; i++)
        {
            (await store.TryRedeemAsync($"held-{i}", expiresAt, default)).Should().BeFalse("an unexpired entry is never evicted");
        }

        _time.Advance(expiresAt - _time.GetUtcNow());
        (await store.TryRedeemAsync("after-expiry", _time.GetUtcNow().AddMinutes(10), default)).Should().BeTrue();
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task TryRedeemAsync_LongRunAtASteadyRate_HoldsAboutTheLiveEntriesNotTheCapacity()
    {
        // A site redeeming a link a second, each valid for two hours and the skew: 7,230 live at any moment. The run
        // lasts 14 such lifetimes, past the capacity of 100,000.
        TimeSpan valid = TimeSpan.FromHours(2) + TimeSpan.FromSeconds(30);
        int live = (int)valid.TotalSeconds;
        InMemoryRedemptionStore store = CreateStore(capacity: 100_000);
        int most = 0;

        for (int i = 0; i < live * 14; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            (await store.TryRedeemAsync($"steady-{i}", _time.GetUtcNow() + valid, default)).Should().BeTrue();
            if (i >= live)
            {
                most = Math.Max(most, store.Count);
            }
        }

        most.Should().BeLessThanOrEqualTo(live * 2 + SegmentSlack, "memory follows the live links, not the capacity");
    }

    [Fact]
    public async Task TryRedeemAsync_TrafficFallsAfterABurst_ShrinksToTheLiveEntriesWithinALifetime()
    {
        TimeSpan valid = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30);
        InMemoryRedemptionStore store = CreateStore(capacity: 100_000);
        for (int i = 0; i < 50_000; i++)
        {
            (await store.TryRedeemAsync($"burst-{i}", _time.GetUtcNow() + valid, default)).Should().BeTrue();
        }

        // Then one every ten seconds, for three lifetimes. The burst expires after the first. A segment that was rebuilt
        // (to grow) late in the first lifetime keeps what it held until everything it kept has expired, up to the end
        // of the second; the turn of looks at other segments, every 32 redemptions, sweeps it early in the third.
        // Which segment that is depends on the per-process string hashes, so two lifetimes would pass only sometimes.
        var trickle = new Queue<DateTimeOffset>();
        for (int i = 0; i < 3 * (int)Math.Ceiling(valid.TotalSeconds / 10); i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            (await store.TryRedeemAsync($"trickle-{i}", _time.GetUtcNow() + valid, default)).Should().BeTrue();
            trickle.Enqueue(_time.GetUtcNow() + valid);
            while (trickle.Peek() <= _time.GetUtcNow())
            {
                trickle.Dequeue();
            }
        }

        store.Count.Should().BeLessThanOrEqualTo(trickle.Count * 2 + SegmentSlack, "the 50,000 expired entries of the burst are gone");
    }

    [Fact]
    public async Task TryRedeemAsync_ManyIdsRedeemedConcurrentlyWhileSegmentsRebuild_ExactlyOneWinnerEach()
    {
        const int Ids = 2_000;
        const int Attempts = 8;
        InMemoryRedemptionStore store = CreateStore(capacity: 100_000);
        int[] winners = new int[Ids];
        using var gate = new ManualResetEventSlim();

        // Short expiries and a clock moving under the redeems: segments grow and drop expired entries mid-race.
        Task[] racers = Enumerable.Range(0, Attempts)
            .Select(racer => Task.Run(async () =>
            {
                gate.Wait();
                for (int i = 0; i < Ids; i++)
                {
                    int id = racer % 2 == 0 ? i : Ids - 1 - i;
                    if (await store.TryRedeemAsync($"race-{id}", _time.GetUtcNow().AddSeconds(2), default))
                    {
                        Interlocked.Increment(ref winners[id]);
                    }

                    if (racer == 0 && i % 100 == 0)
                    {
                        _time.Advance(TimeSpan.FromMilliseconds(10));
                    }
                }
            }))
            .ToArray();
        gate.Set();
        await Task.WhenAll(racers);

        winners.Should().OnlyContain(w => w == 1);
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
