using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// Issue a link, then redeem it: what one "activate your account" costs the server. The redemption store is fresh
/// for every iteration of <see cref="Invocations"/> round trips, so it stays the size a real one would be.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.RoundTrip)]
[InvocationCount(Invocations)]
public class RoundTripBenchmarks : Rows
{
    public const int Invocations = 16384;

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

    [Benchmark(Baseline = true)]
    public ValueTask<bool> JsonWebTokenHandler() => JsonWebTokenHandlerRows.RedeemAsync(JsonWebTokenHandlerRows.Issue());

    [Benchmark]
    public async Task<bool> Identity() => await IdentityRows.RedeemAsync(await IdentityRows.IssueAsync());

    [Benchmark]
    public string? Floor() => FloorRows.Redeem(FloorRows.Issue());
}
