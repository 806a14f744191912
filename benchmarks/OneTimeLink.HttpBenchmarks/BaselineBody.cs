namespace OneTimeLink.HttpBenchmarks;

/// <summary>The body the baselines read: the same fields as the flows' requests.</summary>
internal sealed class BaselineBody
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }
}
