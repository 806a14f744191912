using System.Diagnostics;

namespace OneTimeLink.Diagnostics;

/// <summary>The <c>OneTimeLink</c> activity source: a span per issue, validate and redeem.</summary>
internal static class OneTimeLinkActivitySource
{
    public const string Name = "OneTimeLink";

    public static ActivitySource Instance { get; } = new(Name);
}
