namespace OneTimeLink.HttpBenchmarks;

/// <summary>The register baseline's answer: the same JSON as the flows' 202.</summary>
internal sealed class BaselineAccepted
{
    public static readonly BaselineAccepted Instance = new();

    public string Status => "accepted";

    public string Detail => "If this address can be used, an email is on its way to it. Follow the link inside to continue.";
}
