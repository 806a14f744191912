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
    IReadOnlyDictionary<string, string> Data);
