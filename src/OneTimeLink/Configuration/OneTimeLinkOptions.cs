namespace OneTimeLink;

/// <summary>
/// Settings of <see cref="IOneTimeLinkService"/>, bound from the <c>OneTimeLinks</c> configuration section or set in code,
/// and validated when the application starts.
/// </summary>
public sealed class OneTimeLinkOptions
{
    /// <summary>The name of the configuration section the options are usually bound from.</summary>
    public const string SectionName = "OneTimeLinks";

    /// <summary>Gets or sets the issuer written to and required in every token (<c>iss</c>), usually the site's base URL.</summary>
    /// <value>The default value is <see langword="null"/>; a value is required.</value>
    public string? Issuer { get; set; }

    /// <summary>
    /// Gets or sets the audience written to and required in every token (<c>aud</c>). Use a value of its own, such as
    /// <c>example-links</c>, so a link token is never accepted where an access token's audience is expected.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; a value is required.</value>
    public string? Audience { get; set; }

    /// <summary>Gets or sets how far the clocks of the issuing and the validating machines may disagree.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets the signing keys. The first one signs new tokens; all of them validate. To rotate, put a new key first and
    /// remove the old one once the longest lifetime has passed.
    /// </summary>
    /// <value>The default value is an empty list; at least one key is required.</value>
    public IList<SigningKeyOptions> Keys { get; } = new List<SigningKeyOptions>();

    /// <summary>Gets the purposes links can be issued for, by name (compared ordinally, case-sensitive).</summary>
    /// <value>The default value is an empty dictionary; at least one purpose is required.</value>
    public IDictionary<string, LinkPurposeOptions> Purposes { get; } = new Dictionary<string, LinkPurposeOptions>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how many unexpired redemptions the default in-memory redemption store keeps. When it is full of
    /// unexpired entries it refuses new redemptions with <see cref="LinkFailure.StoreUnavailable"/> rather than forget
    /// one and let a token be used twice. Each entry takes about 150 bytes.
    /// </summary>
    /// <value>The default value is 100,000.</value>
    public int InMemoryRedemptionCapacity { get; set; } = 100_000;
}
