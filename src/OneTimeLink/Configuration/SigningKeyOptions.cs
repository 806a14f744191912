namespace OneTimeLink;

/// <summary>A symmetric key that signs and validates link tokens.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>Gets or sets the key id written to the token header (<c>kid</c>), such as <c>2026-11</c>. Unique among the keys.</summary>
    /// <value>The default value is <see langword="null"/>; a value is required.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets the algorithm the key is pinned to: <c>HS256</c>, <c>HS384</c> or <c>HS512</c>.</summary>
    /// <value>The default value is <c>HS256</c>.</value>
    public string Algorithm { get; set; } = "HS256";

    /// <summary>
    /// Gets or sets the secret, base64-encoded: at least 32 random bytes for HS256, 48 for HS384, 64 for HS512
    /// (<c>openssl rand -base64 32</c>). Keep it out of source control: user secrets, environment variables or a vault.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; a value is required.</value>
    public string? Secret { get; set; }
}
