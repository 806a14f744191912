namespace OneTimeLink.AspNetCore.Throttling;

/// <summary>
/// The default <see cref="ILinkFlowStateStore"/>: keys in memory, for one application instance. Bounded: past its
/// capacity it forgets the key that expires first, which for a throttle only means a message may go out early.
/// </summary>
internal sealed class InMemoryLinkFlowStateStore : ILinkFlowStateStore
{
    private const int DefaultCapacity = 100_000;

    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();
    private readonly object _gate = new();

    public InMemoryLinkFlowStateStore(TimeProvider timeProvider)
        : this(timeProvider, DefaultCapacity)
    {
    }

    internal InMemoryLinkFlowStateStore(TimeProvider timeProvider, int capacity)
    {
        _timeProvider = timeProvider;
        _capacity = capacity;
    }

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _expiries.Count;
            }
        }
    }

    public ValueTask<bool> TrySetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // Expired keys leave in expiry order, so the work per call stays proportional to what expired meanwhile.
            while (_byExpiry.TryPeek(out string? oldest, out DateTimeOffset expiry) && expiry <= now)
            {
                _byExpiry.Dequeue();
                _expiries.Remove(oldest);
            }

            if (_expiries.ContainsKey(key))
            {
                return ValueTask.FromResult(false);
            }

            while (_expiries.Count >= _capacity && _byExpiry.TryDequeue(out string? soonest, out _))
            {
                _expiries.Remove(soonest);
            }

            _expiries[key] = now + lifetime;
            _byExpiry.Enqueue(key, now + lifetime);
            return ValueTask.FromResult(true);
        }
    }
}
