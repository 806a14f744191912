namespace OneTimeLink.Benchmarks;

/// <summary>
/// A clock the benchmark moves by hand, so a steady-state row can let a simulated second pass per operation: links
/// expire as they would on a site that keeps sending them, however fast the machine runs the loop. Reading it costs a
/// field read, so it adds nothing to the row it drives.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now;

    public SteppingClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan step) => _now += step;
}
