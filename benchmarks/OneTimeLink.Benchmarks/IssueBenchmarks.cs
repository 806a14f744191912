using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>Issue one link: claims, a fresh random token id, the signature.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Issue)]
public class IssueBenchmarks : Rows
{
    [Benchmark]
    public ValueTask<IssuedLink> OneTimeLink() => OneTimeLinkRows.Links.IssueAsync(LinkClaims.Purpose, LinkClaims.Subject);

    [Benchmark(Baseline = true)]
    public string JsonWebTokenHandler() => JsonWebTokenHandlerRows.Issue();

    [Benchmark]
    public Task<string> Identity() => IdentityRows.IssueAsync();

    [Benchmark]
    public string Floor() => FloorRows.Issue();
}
