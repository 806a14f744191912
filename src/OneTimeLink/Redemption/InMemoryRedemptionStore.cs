using Microsoft.Extensions.Options;

namespace OneTimeLink.Redemption;

/// <summary>
/// The default <see cref="IRedemptionStore"/>: single use within one process. Entries are dropped once their token can
/// no longer validate. Memory is bounded by <see cref="OneTimeLinkOptions.InMemoryRedemptionCapacity"/>: an unexpired
/// entry is never evicted (that would let its token be redeemed again), so when the store is full of them it refuses
/// new redemptions and the service answers <see cref="LinkFailure.StoreUnavailable"/> until entries expire.
/// </summary>
/// <remarks>
/// Ids are spread by hash over <see cref="SegmentCount"/> segments, each a small table under its own lock: one id's
/// check and record are one atomic step (of any number of concurrent redemptions of it exactly one wins), and
/// redemptions of different ids rarely wait for each other. Each segment sweeps as it goes (see <see cref="Segment"/>),
/// so memory follows the links still live rather than the capacity, and the cost of a sweep is one segment's, spread
/// over the redemptions that made it due: no request sweeps the whole store unless the store is at its capacity.
/// Recording a redemption allocates nothing once the store has grown to the size its live links need.
/// </remarks>
internal sealed partial class InMemoryRedemptionStore : IRedemptionStore
{
    /// <summary>A power of two, so a hash picks its segment with a mask.</summary>
    private const int SegmentCount = 32;

    private static readonly long s_fullSweepInterval = TimeSpan.FromSeconds(1).Ticks;

    private readonly Segment[] _segments = new Segment[SegmentCount];
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    // Entries held, live or expired but not swept yet: what the capacity bounds. ConcurrentDictionary.Count would take
    // every lock; a counter of our own keeps redeeming down to one lock.
    private int _count;

    private long _nextFullSweep = long.MinValue;
    private int _sweepCursor;

    public InMemoryRedemptionStore(IOptions<OneTimeLinkOptions> options, TimeProvider timeProvider)
    {
        _capacity = options.Value.InMemoryRedemptionCapacity;
        _timeProvider = timeProvider;
        for (int i = 0; i < _segments.Length; i++)
        {
            _segments[i] = new Segment(this);
        }
    }

    /// <summary>Gets the number of entries held, including expired ones a segment has not swept yet.</summary>
    internal int Count => Volatile.Read(ref _count);

    public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenId);

        // String hashes are randomized per process, so ids cannot be chosen to pile up in one segment or one probe run.
        int hash = tokenId.GetHashCode(StringComparison.Ordinal);
        Segment segment = _segments[hash & (SegmentCount - 1)];
        uint keepUntil = SecondsRoundedUp(expiresAt);

        uint now = NowInSeconds();

        // A token already redeemed is refused as such even when the store is full; only a new one needs room.
        bool? recorded = segment.TryAdd(tokenId, hash, keepUntil, now);
        if (recorded is null && SweepAllWhenFull())
        {
            recorded = segment.TryAdd(tokenId, hash, keepUntil, now);
        }

        // Each redemption also looks at one other segment, in turn, so a segment that few new ids reach still drops its
        // expired entries soon after they expire. The cursor is a hint: a lost update only moves the turn.
        int next = _sweepCursor;
        _sweepCursor = next + 1;
        _segments[next & (SegmentCount - 1)].SweepIfDue(now);

        return recorded is { } first
            ? ValueTask.FromResult(first)
            : throw new RedemptionStoreUnavailableException(
                $"The in-memory redemption store holds {_capacity} unexpired redemptions, its capacity. Raise " +
                $"{OneTimeLinkOptions.SectionName}:InMemoryRedemptionCapacity, shorten link lifetimes, or use a shared store such as Redis.");
    }

    /// <summary>Whole seconds since the Unix epoch, rounded up: an entry is never dropped before its instant.</summary>
    private static uint SecondsRoundedUp(DateTimeOffset instant)
    {
        long ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks <= 0 ? 0 : (uint)Math.Min((ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond, uint.MaxValue);
    }

    /// <summary>Whole seconds since the Unix epoch, rounded down: an entry whose second this is or earlier has expired.</summary>
    private uint NowInSeconds()
    {
        long ticks = _timeProvider.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks <= 0 ? 0 : (uint)Math.Min(ticks / TimeSpan.TicksPerSecond, uint.MaxValue);
    }

    private bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) <= _capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    private void Release(int entries) => Interlocked.Add(ref _count, -entries);

    /// <summary>
    /// The store is full: sweeps every segment, at most once a second (refusing while the store stays full of unexpired
    /// entries then costs nothing more); true when there is room afterwards.
    /// </summary>
    private bool SweepAllWhenFull()
    {
        long now = _timeProvider.GetUtcNow().UtcTicks;
        long due = Interlocked.Read(ref _nextFullSweep);
        if (now >= due && Interlocked.CompareExchange(ref _nextFullSweep, now + s_fullSweepInterval, due) == due)
        {
            uint nowInSeconds = NowInSeconds();
            foreach (Segment segment in _segments)
            {
                segment.Sweep(nowInSeconds);
            }
        }

        return Volatile.Read(ref _count) < _capacity;
    }
}
