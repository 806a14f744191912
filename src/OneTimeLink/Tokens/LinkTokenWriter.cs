using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// Writes the compact JWS of a link token: the key's fixed header, the payload with <see cref="Utf8JsonWriter"/>,
/// base64url on spans and one HMAC. What it writes is exactly what <see cref="LinkTokenReader"/> accepts.
/// </summary>
internal sealed class LinkTokenWriter
{
    private const int MaximumSignatureBytes = 64;

    private readonly JsonEncodedText _issuer;
    private readonly JsonEncodedText _audience;

    public LinkTokenWriter(string issuer, string audience)
    {
        _issuer = JsonEncodedText.Encode(issuer, LinkTokenFormat.WriterOptions.Encoder);
        _audience = JsonEncodedText.Encode(audience, LinkTokenFormat.WriterOptions.Encoder);
    }

    /// <summary>
    /// Writes a token signed by <paramref name="key"/>, or returns null when it would be longer than
    /// <see cref="LinkTokenFormat.MaximumTokenLength"/> (no reader would accept it); <paramref name="length"/> says how long.
    /// </summary>
    public string? TryWrite(
        LinkSigningKey key,
        string subject,
        string purpose,
        string tokenId,
        long issuedAt,
        long expiresAt,
        string? stateHash,
        IReadOnlyDictionary<string, string> data,
        out int length)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload, LinkTokenFormat.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(LinkTokenFormat.IssName, _issuer);
            writer.WriteString(LinkTokenFormat.AudName, _audience);
            writer.WriteString(LinkTokenFormat.SubName, subject);
            writer.WriteString(LinkTokenFormat.PurName, purpose);
            writer.WriteString(LinkTokenFormat.JtiName, tokenId);
            writer.WriteNumber(LinkTokenFormat.IatName, issuedAt);
            writer.WriteNumber(LinkTokenFormat.ExpName, expiresAt);
            if (stateHash is not null)
            {
                writer.WriteString(LinkTokenFormat.StpName, stateHash);
            }

            foreach ((string name, string value) in data)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        string header = key.EncodedHeader;
        int signedLength = header.Length + 1 + CanonicalBase64Url.GetEncodedLength(payload.WrittenCount);
        int signatureBytes = key.Algorithm.SignatureBytes;
        length = signedLength + 1 + CanonicalBase64Url.GetEncodedLength(signatureBytes);
        if (length > LinkTokenFormat.MaximumTokenLength)
        {
            return null;
        }

        // At most 4 KiB of characters and 4 KiB of ASCII bytes: the stack holds both.
        Span<char> token = stackalloc char[length];
        header.CopyTo(token);
        token[header.Length] = '.';
        CanonicalBase64Url.Encode(payload.WrittenSpan, token[(header.Length + 1)..]);
        token[signedLength] = '.';

        Span<byte> signed = stackalloc byte[signedLength];
        Encoding.ASCII.GetBytes(token[..signedLength], signed);
        Span<byte> signature = stackalloc byte[MaximumSignatureBytes];
        key.Signer.Compute(signed, signature);
        CanonicalBase64Url.Encode(signature[..signatureBytes], token[(signedLength + 1)..]);
        return new string(token);
    }
}
