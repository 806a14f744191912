using System.Globalization;

namespace OneTimeLink.AspNetCore.State;

/// <summary>
/// The default <see cref="ILinkFlowStateStore"/>: keys in memory, for one application instance, behind one lock (every
/// operation is a dictionary step). Bounded: past its capacity it forgets the key that expires first. For a throttle
/// that only means a message may go out early; for a sign-in's code attempts it means five more guesses at a code of
/// about 39 bits, after an attacker has filled the whole store, so it never fails open in a way that matters.
/// </summary>
internal sealed class InMemoryLinkFlowStateStore : ILinkFlowStateStore
{
    private const int DefaultCapacity = 100_000;

    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
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
                return _entries.Count;
            }
        }
    }

    public ValueTask<bool> TrySetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        lock (_gate)
        {
            DateTimeOffset now = RemoveExpired();
            if (_entries.ContainsKey(key))
            {
                return ValueTask.FromResult(false);
            }

            Add(key, new Entry(value, now + lifetime));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            RemoveExpired();
            return ValueTask.FromResult(_entries.TryGetValue(key, out Entry? entry) ? entry.Value : null);
        }
    }

    public ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            RemoveExpired();
            return ValueTask.FromResult(_entries.Remove(key, out Entry? entry) ? entry.Value : null);
        }
    }

    public ValueTask<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        lock (_gate)
        {
            DateTimeOffset now = RemoveExpired();
            if (_entries.TryGetValue(key, out Entry? entry) && long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                _entries[key] = new Entry((count + 1).ToString(CultureInfo.InvariantCulture), entry.ExpiresAt);
                return ValueTask.FromResult(count + 1);
            }

            // Not set: a new counter. (The flows never count on a key that holds text.)
            Add(key, new Entry("1", now + lifetime));
            return ValueTask.FromResult(1L);
        }
    }

    /// <summary>Drops what has expired, in expiry order, so the work per call follows what expired meanwhile.</summary>
    private DateTimeOffset RemoveExpired()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        while (_byExpiry.TryPeek(out string? key, out DateTimeOffset expiry) && expiry <= now)
        {
            _byExpiry.Dequeue();
            RemoveIfExpiringAt(key, expiry);
        }

        return now;
    }

    private void Add(string key, Entry entry)
    {
        while (_entries.Count >= _capacity && _byExpiry.TryDequeue(out string? soonest, out DateTimeOffset expiry))
        {
            RemoveIfExpiringAt(soonest, expiry);
        }

        _entries[key] = entry;
        _byExpiry.Enqueue(key, entry.ExpiresAt);
    }

    /// <summary>Removes <paramref name="key"/> unless it was taken and set again since this expiry was queued.</summary>
    private void RemoveIfExpiringAt(string key, DateTimeOffset expiry)
    {
        if (_entries.TryGetValue(key, out Entry? entry) && entry.ExpiresAt == expiry)
        {
            _entries.Remove(key);
        }
    }

    /// <summary>A value (a counter's is its decimal text, as in Redis) and when it expires.</summary>
    private sealed record Entry(string Value, DateTimeOffset ExpiresAt);
}
