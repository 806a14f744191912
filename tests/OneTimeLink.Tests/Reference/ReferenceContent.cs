namespace OneTimeLink.Tests.Reference;

/// <summary>What the reference read from a verified token.</summary>
internal sealed record ReferenceContent(
    string Subject,
    string Purpose,
    string TokenId,
    DateTimeOffset? IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? NotBefore,
    string? StateHash,
    IReadOnlyDictionary<string, string> Data);
