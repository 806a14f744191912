using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OneTimeLink.Redemption;

/// <summary>
/// The default <see cref="IRedemptionStore"/>: single use within one process. Entries are dropped once their token can
/// no longer validate. Memory is bounded by <see cref="OneTimeLinkOptions.InMemoryRedemptionCapacity"/>: an unexpired
/// entry is never evicted (that would let its token be redeemed again), so when the store is full of them it refuses
/// new redemptions and the service answers <see cref="LinkFailure.StoreUnavailable"/> until entries expire.
/// </summary>
internal sealed class InMemoryRedemptionStore : IRedemptionStore
{
    private static readonly TimeSpan s_sweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly object _sweepLock = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    // ConcurrentDictionary.Count takes every lock of the dictionary; a counter of our own keeps redeeming lock-free.
    private int _count;

    public InMemoryRedemptionStore(IOptions<OneTimeLinkOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.InMemoryRedemptionCapacity;
        _timeProvider = timeProvider;
    }

    internal int Count => _redeemed.Count;

    public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenId);

        // A token already redeemed is refused as such even when the store is full; only a new one needs room.
        if (Volatile.Read(ref _count) >= _capacity && !SweepExpired() && !_redeemed.ContainsKey(tokenId))
        {
            throw new RedemptionStoreUnavailableException(
                $"The in-memory redemption store holds {_capacity} unexpired redemptions, its capacity. Raise " +
                $"{OneTimeLinkOptions.SectionName}:InMemoryRedemptionCapacity, shorten link lifetimes, or use a shared store such as Redis.");
        }

        if (!_redeemed.TryAdd(tokenId, expiresAt))
        {
            return ValueTask.FromResult(false);
        }

        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(true);
    }

    /// <summary>Drops entries whose tokens can no longer validate, at most once a second; true when there is room.</summary>
    private bool SweepExpired()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_sweepLock)
        {
            if (now - _lastSweep >= s_sweepInterval)
            {
                _lastSweep = now;
                foreach (KeyValuePair<string, DateTimeOffset> entry in _redeemed)
                {
                    if (entry.Value <= now && _redeemed.TryRemove(entry))
                    {
                        Interlocked.Decrement(ref _count);
                    }
                }
            }
        }

        return Volatile.Read(ref _count) < _capacity;
    }
}
