using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.Tokens;

/// <summary>The HMAC algorithms a signing key can be pinned to, with the minimum secret size RFC 7518 §3.2 asks for.</summary>
internal sealed class LinkSigningAlgorithm
{
    private static readonly LinkSigningAlgorithm[] s_supported =
    [
        new(LinkTokenFormat.HmacSha256, 32, HashAlgorithmName.SHA256),
        new(LinkTokenFormat.HmacSha384, 48, HashAlgorithmName.SHA384),
        new(LinkTokenFormat.HmacSha512, 64, HashAlgorithmName.SHA512),
    ];

    private LinkSigningAlgorithm(string name, int signatureBytes, HashAlgorithmName hash)
    {
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        MinimumSecretBytes = signatureBytes;
        Hash = hash;
        SignatureBytes = signatureBytes;
    }

    public static string SupportedNames { get; } = string.Join(", ", s_supported.Select(a => a.Name));

    /// <summary>Gets the JWS <c>alg</c> value.</summary>
    public string Name { get; }

    public byte[] NameUtf8 { get; }

    /// <summary>Gets the shortest secret RFC 7518 allows: as long as the hash.</summary>
    public int MinimumSecretBytes { get; }

    public HashAlgorithmName Hash { get; }

    public int SignatureBytes { get; }

    public static LinkSigningAlgorithm? Find(string? name) =>
        Array.Find(s_supported, a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
