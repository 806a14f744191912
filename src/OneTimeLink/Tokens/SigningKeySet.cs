using System.Diagnostics.CodeAnalysis;

namespace OneTimeLink.Tokens;

/// <summary>The configured keys, built once per configuration: the first signs, all validate.</summary>
internal sealed class SigningKeySet
{
    private readonly LinkSigningKey[] _all;

    public SigningKeySet(IEnumerable<SigningKeyOptions> options)
    {
        var keys = new List<LinkSigningKey>();
        foreach (SigningKeyOptions key in options)
        {
            // Options are validated at start-up and on reload, so these hold; the messages guard against use without validation.
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

        _all = [.. keys];
        Current = _all[0];
    }

    /// <summary>Gets the key that signs new tokens.</summary>
    public LinkSigningKey Current { get; }

    /// <summary>Finds the key a token's (unescaped, not yet trusted) <c>kid</c> names. A handful of keys: a scan is fastest.</summary>
    public LinkSigningKey? Find(ReadOnlySpan<byte> keyId)
    {
        foreach (LinkSigningKey key in _all)
        {
            if (keyId.SequenceEqual(key.IdUtf8))
            {
                return key;
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
