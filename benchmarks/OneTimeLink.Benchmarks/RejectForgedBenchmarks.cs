using BenchmarkDotNet.Attributes;

namespace OneTimeLink.Benchmarks;

/// <summary>Refuse what an attacker or a mangling mail client sends; each row gets the same kind of bad input in its own format.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.RejectForged)]
public class RejectForgedBenchmarks : Rows
{
    private string _oneTimeLink = null!;
    private string _jsonWebTokenHandler = null!;
    private string _identity = null!;
    private string _floor = null!;

    [Params(ForgedKind.BadSignature, ForgedKind.WrongTyp, ForgedKind.Oversize, ForgedKind.Garbage)]
    public ForgedKind Kind { get; set; }

    public override void GlobalSetup()
    {
        base.GlobalSetup();
        var forge = new ForgedTokens(IdentityRows);
        _oneTimeLink = forge.Jwt(Kind, OneTimeLinkRows.Issue());
        _jsonWebTokenHandler = forge.Jwt(Kind, JsonWebTokenHandlerRows.Issue());
        _identity = forge.Identity(Kind);
        _floor = forge.Jwt(Kind, FloorRows.Issue());
        Check();
    }

    [Benchmark]
    public ValueTask<LinkValidationResult> OneTimeLink() => OneTimeLinkRows.Links.ValidateAsync(_oneTimeLink, LinkClaims.Purpose);

    [Benchmark(Baseline = true)]
    public ValueTask<string?> JsonWebTokenHandler() => JsonWebTokenHandlerRows.ValidateAsync(_jsonWebTokenHandler);

    [Benchmark]
    public Task<bool> Identity() => IdentityRows.ValidateAsync(_identity);

    [Benchmark]
    public string? Floor() => FloorRows.Validate(_floor);

    /// <summary>A forged row that was accepted would measure the wrong thing.</summary>
    private void Check()
    {
        if (OneTimeLink().AsTask().GetAwaiter().GetResult().Succeeded
            || JsonWebTokenHandler().AsTask().GetAwaiter().GetResult() is not null
            || Identity().GetAwaiter().GetResult()
            || Floor() is not null)
        {
            throw new InvalidOperationException($"A {Kind} token was accepted.");
        }
    }
}
