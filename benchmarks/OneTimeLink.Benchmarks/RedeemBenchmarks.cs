using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// Redeem a fresh link: everything validation checks, then record it as used. Each iteration redeems
/// <see cref="Invocations"/> links issued before it starts, into a fresh redemption store.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Redeem)]
[InvocationCount(Invocations)]
public class RedeemBenchmarks : Rows
{
    public const int Invocations = 16384;

    private readonly string[] _tokens = new string[Invocations];
    private int _next;

    [IterationSetup(Target = nameof(OneTimeLink))]
    public void IssueOneTimeLinks()
    {
        OneTimeLinkRows.Dispose();
        OneTimeLinkRows = new OneTimeLinkRows();
        Fill(OneTimeLinkRows.Issue);
    }

    [IterationSetup(Target = nameof(JsonWebTokenHandler))]
    public void IssueJsonWebTokens()
    {
        JsonWebTokenHandlerRows.ResetStore();
        Fill(JsonWebTokenHandlerRows.Issue);
    }

    [IterationSetup(Target = nameof(Identity))]
    public void IssueIdentityTokens()
    {
        IdentityRows.ResetStore();
        Fill(() => IdentityRows.IssueAsync().GetAwaiter().GetResult());
    }

    [IterationSetup(Target = nameof(Floor))]
    public void IssueFloorTokens()
    {
        FloorRows.ResetStore();
        Fill(FloorRows.Issue);
    }

    [Benchmark]
    public ValueTask<LinkValidationResult> OneTimeLink() => OneTimeLinkRows.Links.RedeemAsync(Next(), LinkClaims.Purpose);

    [Benchmark(Baseline = true)]
    public ValueTask<bool> JsonWebTokenHandler() => JsonWebTokenHandlerRows.RedeemAsync(Next());

    [Benchmark]
    public Task<bool> Identity() => IdentityRows.RedeemAsync(Next());

    [Benchmark]
    public string? Floor() => FloorRows.Redeem(Next());

    // Wraps rather than fails if an engine stage ever invokes more often than it said.
    private string Next() => _tokens[_next++ % Invocations];

    private void Fill(Func<string> issue)
    {
        for (int i = 0; i < _tokens.Length; i++)
        {
            _tokens[i] = issue();
        }

        _next = 0;
    }
}
