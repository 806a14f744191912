namespace OneTimeLink.Benchmarks;

/// <summary>The one user Identity's rows issue tokens for.</summary>
public sealed class BenchmarkUser
{
    public required string Id { get; init; }

    public required string UserName { get; set; }

    public string? SecurityStamp { get; set; }
}
