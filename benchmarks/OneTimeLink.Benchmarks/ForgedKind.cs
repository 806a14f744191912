namespace OneTimeLink.Benchmarks;

/// <summary>The bad input <see cref="RejectForgedBenchmarks"/> feeds every row.</summary>
public enum ForgedKind
{
    /// <summary>A good token with one character of its signature changed.</summary>
    BadSignature,

    /// <summary>Signed with the right key, but typed <c>JWT</c> (an access token); for Identity, a token for another purpose.</summary>
    WrongTyp,

    /// <summary>5,000 characters: over the 4 KiB limit.</summary>
    Oversize,

    /// <summary>Three dot-separated segments of base64url that decode to no JSON, as a mangled link might.</summary>
    Garbage,
}
