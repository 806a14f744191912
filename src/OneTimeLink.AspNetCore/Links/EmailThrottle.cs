using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Links;

/// <summary>
/// Allows one message per email address per <see cref="UserActivationOptions.EmailThrottleWindow"/>, so the register
/// and resend endpoints cannot be used to flood a mailbox. Bounded: past its capacity it forgets the oldest address
/// first; it keeps a hash of each address, not the address.
/// </summary>
internal sealed class EmailThrottle
{
    private const int DefaultCapacity = 100_000;

    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly Dictionary<Guid, DateTimeOffset> _lastSent = [];
    private readonly Queue<(Guid Key, DateTimeOffset SentAt)> _bySendTime = new();
    private readonly object _gate = new();

    public EmailThrottle(IOptions<UserActivationOptions> options, TimeProvider timeProvider)
        : this(options.Value.EmailThrottleWindow, timeProvider, DefaultCapacity)
    {
    }

    internal EmailThrottle(TimeSpan window, TimeProvider timeProvider, int capacity)
    {
        _window = window;
        _timeProvider = timeProvider;
        _capacity = capacity;
    }

    public TimeSpan Window => _window;

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

    /// <summary>Records a message to <paramref name="email"/> unless one was recorded within the window.</summary>
    /// <returns><see langword="true"/> when the message may be sent.</returns>
    public bool TryAcquire(string email)
    {
        if (_window <= TimeSpan.Zero)
        {
            return true;
        }

        Guid key = KeyOf(email);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            while (_bySendTime.TryPeek(out (Guid Key, DateTimeOffset SentAt) oldest) && now - oldest.SentAt >= _window)
            {
                ForgetOldest();
            }

            if (_lastSent.ContainsKey(key))
            {
                return false;
            }

            while (_lastSent.Count >= _capacity)
            {
                ForgetOldest();
            }

            _lastSent[key] = now;
            _bySendTime.Enqueue((key, now));
            return true;
        }
    }

    // An address is queued once per message and leaves the queue before it can be queued again: its entry is its only one.
    private void ForgetOldest() => _lastSent.Remove(_bySendTime.Dequeue().Key);

    private static Guid KeyOf(string email)
    {
        string normalized = email.Trim().ToUpperInvariant();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return new Guid(hash[..16]);
    }
}
