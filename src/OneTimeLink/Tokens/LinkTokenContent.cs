using System.Collections.ObjectModel;

namespace OneTimeLink.Tokens;

/// <summary>What a link token says, as issued or as verified.</summary>
internal sealed record LinkTokenContent(
    string Subject,
    string Purpose,
    string TokenId,
    DateTimeOffset? IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? NotBefore,
    string? StateHash,
    IReadOnlyDictionary<string, string> Data)
{
    /// <summary>Gets the shared, read-only "no custom claims".</summary>
    public static IReadOnlyDictionary<string, string> NoData { get; } = ReadOnlyDictionary<string, string>.Empty;
}
