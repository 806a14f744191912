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

    public InMemoryRedemptionStore(IOptions<OneTimeLinkOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.InMemoryRedemptionCapacity;
        _timeProvider = timeProvider;
    }

    internal int Count => _redeemed.Count;

    public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenId);

        if (_redeemed.ContainsKey(tokenId))
        {
            return ValueTask.FromResult(false);
        }

        if (_redeemed.Count >= _capacity && !SweepExpired())
        {
            throw new RedemptionStoreUnavailableException(
                $"The in-memory redemption store holds {_capacity} unexpired redemptions, its capacity. Raise " +
                $"{OneTimeLinkOptions.SectionName}:InMemoryRedemptionCapacity, shorten link lifetimes, or use a shared store such as Redis.");
        }

        return ValueTask.FromResult(_redeemed.TryAdd(tokenId, expiresAt));
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
                    if (entry.Value <= now)
                    {
                        _redeemed.TryRemove(entry);
                    }
                }
            }
        }

        return _redeemed.Count < _capacity;
    }
}
