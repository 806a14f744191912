using Microsoft.Extensions.Logging;

namespace OneTimeLink.AspNetCore.Diagnostics;

/// <summary>
/// Notices links that were opened but never confirmed: mail scanners and link previews fetch every link and press
/// nothing, so such a landing is their signal (or a person who left). Each link opened is remembered by its token id
/// for <see cref="Window"/>; a confirmation forgets it; what is left when the window has passed is logged once.
/// Bounded: past its capacity the oldest are dropped unlogged. Per instance: behind a load balancer, a landing on one
/// instance and a confirmation on another is logged as unconfirmed.
/// </summary>
internal sealed class UnconfirmedLandings : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int Capacity = 10_000;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Landing> _open = new(StringComparer.Ordinal);
    private readonly Queue<(string TokenId, DateTimeOffset At)> _byTime = new();
    private readonly object _gate = new();
    private readonly ITimer _timer;

    public UnconfirmedLandings(TimeProvider timeProvider, ILogger<UnconfirmedLandings> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _timer = timeProvider.CreateTimer(static state => ((UnconfirmedLandings)state!).Sweep(), this, Window, Window);
    }

    public void Landed(string flow, string tokenId)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_open.TryGetValue(tokenId, out Landing? landing))
            {
                landing.Count++;
                return;
            }

            while (_open.Count >= Capacity && _byTime.TryDequeue(out (string TokenId, DateTimeOffset At) oldest))
            {
                _open.Remove(oldest.TokenId);
            }

            _open[tokenId] = new Landing(flow);
            _byTime.Enqueue((tokenId, now));
        }
    }

    public void Confirmed(string tokenId)
    {
        lock (_gate)
        {
            _open.Remove(tokenId);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        List<(string TokenId, Landing Landing)> due = [];
        lock (_gate)
        {
            while (_byTime.TryPeek(out (string TokenId, DateTimeOffset At) oldest) && now - oldest.At >= Window)
            {
                _byTime.Dequeue();
                if (_open.Remove(oldest.TokenId, out Landing? landing))
                {
                    due.Add((oldest.TokenId, landing));
                }
            }
        }

        foreach ((string tokenId, Landing landing) in due)
        {
            Log.LandingNotConfirmed(_logger, landing.Flow, tokenId, landing.Count, Window);
        }
    }

    private sealed class Landing(string flow)
    {
        public string Flow { get; } = flow;

        public int Count { get; set; } = 1;
    }
}
