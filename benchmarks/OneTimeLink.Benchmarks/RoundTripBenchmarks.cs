using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// Issue a link, then redeem it: what one "activate your account" costs the server. Two OneTimeLink rows: one whose
/// redemption store is fresh for every iteration of <see cref="Invocations"/> round trips, and a steady-state one whose
/// store lives through the whole run while its clock moves a second per round trip, as on a site that keeps sending
/// links: entries expire as new ones come in, and the store holds what a real one would (a link lifetime's worth).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.RoundTrip)]
[InvocationCount(Invocations)]
public class RoundTripBenchmarks : Rows
{
    public const int Invocations = 16384;

    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(1);

    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private OneTimeLinkRows _steady = null!;

    public override void GlobalSetup()
    {
        base.GlobalSetup();
        _steady = new OneTimeLinkRows(_clock);

        // The measured round trips start with the store at its natural size: the links of one lifetime, the oldest
        // about to expire.
        int toNaturalSize = (int)((LinkClaims.Lifetime + LinkClaims.ClockSkew) / s_step);
        for (int i = 0; i < toNaturalSize; i++)
        {
            OneTimeLinkSteadyState().AsTask().GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(OneTimeLink))]
    public void FreshOneTimeLinkStore()
    {
        OneTimeLinkRows.Dispose();
        OneTimeLinkRows = new OneTimeLinkRows();
        OneTimeLinkRows.Issue();
    }

    [IterationSetup(Target = nameof(JsonWebTokenHandler))]
    public void FreshJsonWebTokenStore() => JsonWebTokenHandlerRows.ResetStore();

    [IterationSetup(Target = nameof(Identity))]
    public void FreshIdentityStore() => IdentityRows.ResetStore();

    [IterationSetup(Target = nameof(Floor))]
    public void FreshFloorStore() => FloorRows.ResetStore();

    [Benchmark]
    public async ValueTask<bool> OneTimeLink()
    {
        IssuedLink issued = await OneTimeLinkRows.Links.IssueAsync(LinkClaims.Purpose, LinkClaims.Subject);
        return (await OneTimeLinkRows.Links.RedeemAsync(issued.Token, LinkClaims.Purpose)).Succeeded;
    }

    [Benchmark]
    public async ValueTask<bool> OneTimeLinkSteadyState()
    {
        _clock.Advance(s_step);
        IssuedLink issued = await _steady.Links.IssueAsync(LinkClaims.Purpose, LinkClaims.Subject);
        return (await _steady.Links.RedeemAsync(issued.Token, LinkClaims.Purpose)).Succeeded;
    }

    [Benchmark(Baseline = true)]
    public ValueTask<bool> JsonWebTokenHandler() => JsonWebTokenHandlerRows.RedeemAsync(JsonWebTokenHandlerRows.Issue());

    [Benchmark]
    public async Task<bool> Identity() => await IdentityRows.RedeemAsync(await IdentityRows.IssueAsync());

    [Benchmark]
    public string? Floor() => FloorRows.Redeem(FloorRows.Issue());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _steady?.Dispose();
        }

        base.Dispose(disposing);
    }
}
