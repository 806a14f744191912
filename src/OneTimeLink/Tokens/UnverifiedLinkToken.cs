using System.Security.Cryptography;

namespace OneTimeLink.Tokens;

/// <summary>
/// What a token says before its signature is checked, as read by <see cref="LinkTokenReader"/>: well formed, but none
/// of it is trusted. Text stays UTF-8 in the caller's buffer, so a forged token costs no strings; only custom claims,
/// rare and bounded by the size limit, are strings already (their names must be told apart).
/// </summary>
internal ref struct UnverifiedLinkToken
{
    /// <summary>The first two segments and their dot, as ASCII: what the signature is over.</summary>
    public ReadOnlySpan<byte> SigningInput;

    /// <summary>The third segment, as ASCII: canonical base64url, of a length not yet checked against any key.</summary>
    public ReadOnlySpan<byte> Signature;
    public ReadOnlySpan<byte> Algorithm;
    public ReadOnlySpan<byte> KeyId;
    public ReadOnlySpan<byte> Issuer;
    public ReadOnlySpan<byte> Audience;
    public ReadOnlySpan<byte> Subject;
    public ReadOnlySpan<byte> Purpose;
    public ReadOnlySpan<byte> TokenId;
    public ReadOnlySpan<byte> StateHash;
    public bool HasStateHash;
    public long IssuedAt;
    public long ExpiresAt;
    public long? NotBefore;
    public Dictionary<string, string>? Data;

    /// <summary>Gets whether the signature is <paramref name="key"/>'s over the first two segments, compared in constant time.</summary>
    public readonly bool IsSignedBy(LinkSigningKey key)
    {
        const int MaximumSignatureBytes = 64;
        int signatureBytes = key.Algorithm.SignatureBytes;
        Span<byte> presented = stackalloc byte[MaximumSignatureBytes];
        presented = presented[..signatureBytes];
        if (CanonicalBase64Url.GetDecodedLength(Signature) != signatureBytes || !CanonicalBase64Url.TryDecode(Signature, presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MaximumSignatureBytes];
        key.Signer.Compute(SigningInput, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..signatureBytes], presented);
    }
}
