using System.Diagnostics.CodeAnalysis;

namespace OneTimeLink.Tokens;

/// <summary>The configured keys, built once: the first signs, all validate.</summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, LinkSigningKey> _byId;

    public SigningKeySet(OneTimeLinkOptions options)
    {
        string issuer = options.Issuer!;
        string audience = options.Audience!;

        var keys = new List<LinkSigningKey>(options.Keys.Count);
        foreach (SigningKeyOptions key in options.Keys)
        {
            // Options are validated at start-up, so these hold; the messages guard against use without validation.
            LinkSigningAlgorithm algorithm = LinkSigningAlgorithm.Find(key.Algorithm)
                ?? throw new InvalidOperationException($"Signing key '{key.Id}' uses unsupported algorithm '{key.Algorithm}'.");
            if (!TryDecodeSecret(key.Secret, out byte[]? secret))
            {
                throw new InvalidOperationException($"Signing key '{key.Id}' has a secret that is not valid base64.");
            }

            keys.Add(new LinkSigningKey(key.Id!, algorithm, secret, issuer, audience));
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"No signing key is configured: add one under {OneTimeLinkOptions.SectionName}:Keys.");
        }

        Current = keys[0];
        _byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the key that signs new tokens.</summary>
    public LinkSigningKey Current { get; }

    public bool TryFind(string keyId, [NotNullWhen(true)] out LinkSigningKey? key) => _byId.TryGetValue(keyId, out key);

    public static bool TryDecodeSecret(string? secret, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret.Trim(), buffer, out int written))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }
}
