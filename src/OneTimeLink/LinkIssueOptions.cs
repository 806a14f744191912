namespace OneTimeLink;

/// <summary>Settings for one link, passed to <see cref="IOneTimeLinkService.IssueAsync"/>.</summary>
public sealed class LinkIssueOptions
{
    /// <summary>
    /// Gets or sets a lifetime shorter than the purpose's <see cref="LinkPurposeOptions.Lifetime"/>.
    /// A longer one is refused with an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the purpose's lifetime.</value>
    public TimeSpan? Lifetime { get; set; }

    /// <summary>
    /// Gets or sets custom string claims to carry in the token and read back from <see cref="LinkValidationResult.Data"/>.
    /// The token is signed, not encrypted: anyone holding the link can read them. The registered JWT claim names and
    /// <c>pur</c> and <c>stp</c> are reserved and refused with an <see cref="ArgumentException"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no custom claims.</value>
    public IReadOnlyDictionary<string, string>? Data { get; set; }
}
