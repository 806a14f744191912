namespace OneTimeLink.Benchmarks;

/// <summary>The benchmark categories, one class each; each has its own baseline row.</summary>
public static class Categories
{
    public const string Issue = "Issue";
    public const string Validate = "Validate";
    public const string Redeem = "Redeem";
    public const string RoundTrip = "RoundTrip";
    public const string RejectForged = "RejectForged";
}
