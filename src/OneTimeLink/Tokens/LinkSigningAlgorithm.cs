using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tokens;

/// <summary>The HMAC algorithms a signing key can be pinned to, with the minimum secret size RFC 7518 §3.2 asks for.</summary>
internal sealed class LinkSigningAlgorithm
{
    private static readonly LinkSigningAlgorithm[] s_supported =
    [
        new(SecurityAlgorithms.HmacSha256, 32, HashAlgorithmName.SHA256, 32),
        new(SecurityAlgorithms.HmacSha384, 48, HashAlgorithmName.SHA384, 48),
        new(SecurityAlgorithms.HmacSha512, 64, HashAlgorithmName.SHA512, 64),
    ];

    private LinkSigningAlgorithm(string name, int minimumSecretBytes, HashAlgorithmName hash, int signatureBytes)
    {
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        MinimumSecretBytes = minimumSecretBytes;
        Hash = hash;
        SignatureBytes = signatureBytes;
    }

    public static string SupportedNames { get; } = string.Join(", ", s_supported.Select(a => a.Name));

    /// <summary>Gets the JWS <c>alg</c> value.</summary>
    public string Name { get; }

    public byte[] NameUtf8 { get; }

    public int MinimumSecretBytes { get; }

    public HashAlgorithmName Hash { get; }

    public int SignatureBytes { get; }

    public static LinkSigningAlgorithm? Find(string? name) =>
        Array.Find(s_supported, a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
