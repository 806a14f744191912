using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.AspNetCore.Throttling;

/// <summary>
/// One message per account per window, shared by every flow, so no endpoint can be used to flood a mailbox. Keyed by
/// the store's own user id, which is the store's normalisation of the address: "Ann@Example.com" and
/// "ann@example.com" are one key exactly when the store says they are one account. Bounded: past its capacity it
/// forgets the oldest entry first; it keeps a hash of each id.
/// </summary>
internal sealed class EmailThrottle
{
    private const int DefaultCapacity = 100_000;

    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly Dictionary<Guid, DateTimeOffset> _lastSent = [];
    private readonly Queue<(Guid Key, DateTimeOffset SentAt)> _bySendTime = new();
    private readonly object _gate = new();
    private TimeSpan _longestWindow;

    public EmailThrottle(TimeProvider timeProvider)
        : this(timeProvider, DefaultCapacity)
    {
    }

    internal EmailThrottle(TimeProvider timeProvider, int capacity)
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
                return _lastSent.Count;
            }
        }
    }

    /// <summary>Records a message to <paramref name="userId"/> unless one was recorded within <paramref name="window"/>.</summary>
    /// <returns><see langword="true"/> when the message may be sent.</returns>
    public bool TryAcquire(string userId, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return true;
        }

        Guid key = KeyOf(userId);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // Flows may use different windows: keep each entry as long as the longest of them could still refuse on it.
            if (window > _longestWindow)
            {
                _longestWindow = window;
            }

            while (_bySendTime.TryPeek(out (Guid Key, DateTimeOffset SentAt) oldest) && now - oldest.SentAt >= _longestWindow)
            {
                ForgetOldest();
            }

            if (_lastSent.TryGetValue(key, out DateTimeOffset sentAt) && now - sentAt < window)
            {
                return false;
            }

            // An entry older than this flow's window but kept for a longer one simply starts again from now.
            while (!_lastSent.ContainsKey(key) && _lastSent.Count >= _capacity)
            {
                ForgetOldest();
            }

            _lastSent[key] = now;
            _bySendTime.Enqueue((key, now));
            return true;
        }
    }

    // A key may be queued more than once (renewed above): only its newest queue entry, the one matching its time, removes it.
    private void ForgetOldest()
    {
        (Guid key, DateTimeOffset sentAt) = _bySendTime.Dequeue();
        if (_lastSent.TryGetValue(key, out DateTimeOffset current) && current == sentAt)
        {
            _lastSent.Remove(key);
        }
    }

    private static Guid KeyOf(string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId), hash);
        return new Guid(hash[..16]);
    }
}
