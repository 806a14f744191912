using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>Check a good link without consuming it (the landing page): form, signature, issuer, audience, purpose, expiry.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Validate)]
public class ValidateBenchmarks : Rows
{
    private string _oneTimeLink = null!;
    private string _jsonWebTokenHandler = null!;
    private string _identity = null!;
    private string _floor = null!;

    public override void GlobalSetup()
    {
        base.GlobalSetup();
        _oneTimeLink = OneTimeLinkRows.Issue();
        _jsonWebTokenHandler = JsonWebTokenHandlerRows.Issue();
        _identity = IdentityRows.IssueAsync().GetAwaiter().GetResult();
        _floor = FloorRows.Issue();
    }

    [Benchmark]
    public ValueTask<LinkValidationResult> OneTimeLink() => OneTimeLinkRows.Links.ValidateAsync(_oneTimeLink, LinkClaims.Purpose);

    [Benchmark(Baseline = true)]
    public ValueTask<string?> JsonWebTokenHandler() => JsonWebTokenHandlerRows.ValidateAsync(_jsonWebTokenHandler);

    [Benchmark]
    public Task<bool> Identity() => IdentityRows.ValidateAsync(_identity);

    [Benchmark]
    public string? Floor() => FloorRows.Validate(_floor);
}
