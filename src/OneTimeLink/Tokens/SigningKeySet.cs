using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>The configured keys, built once: the first signs, all validate.</summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, LinkSigningKey> _byId;
    private readonly LinkSigningKey[] _all;
    private readonly LinkSigningAlgorithm[] _algorithms;

    public SigningKeySet(OneTimeLinkOptions options)
    {
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

            keys.Add(new LinkSigningKey(key.Id!, algorithm, secret));
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"No signing key is configured: add one under {OneTimeLinkOptions.SectionName}:Keys.");
        }

        Current = keys[0];
        _byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _all = [.. keys];
        _algorithms = [.. keys.Select(k => k.Algorithm).Distinct()];
    }

    /// <summary>Gets the key that signs new tokens.</summary>
    public LinkSigningKey Current { get; }

    public bool TryFind(string keyId, [NotNullWhen(true)] out LinkSigningKey? key) => _byId.TryGetValue(keyId, out key);

    /// <summary>Finds the key the reader's current string (a <c>kid</c>) names, comparing unescaped UTF-8 without allocating.</summary>
    public LinkSigningKey? Find(ref Utf8JsonReader reader)
    {
        foreach (LinkSigningKey key in _all)
        {
            if (reader.ValueTextEquals(key.IdUtf8))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Finds the algorithm of a configured key that the reader's current string (an <c>alg</c>) names.</summary>
    public LinkSigningAlgorithm? FindAlgorithm(ref Utf8JsonReader reader)
    {
        foreach (LinkSigningAlgorithm algorithm in _algorithms)
        {
            if (reader.ValueTextEquals(algorithm.NameUtf8))
            {
                return algorithm;
            }
        }

        return null;
    }

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
