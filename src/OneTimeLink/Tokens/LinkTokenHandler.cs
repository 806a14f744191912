using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// Writes and verifies the compact JWS of a link token directly: Utf8JsonWriter and Utf8JsonReader over stack
/// buffers, base64url on spans, a kept HMAC per key. Verdicts match what <c>JsonWebTokenHandler</c> decided before
/// (the tests keep it as the reference), checked in a fixed order: form, <c>typ</c> and required claims
/// (<see cref="LinkFailure.Malformed"/>), <c>kid</c> (<see cref="LinkFailure.UnknownKey"/>), <c>alg</c> pinned to the
/// key and the signature (<see cref="LinkFailure.InvalidSignature"/>), <c>aud</c>, then <c>iss</c>.
/// </summary>
internal sealed class LinkTokenHandler
{
    /// <summary>Input above this length is refused before anything is decoded.</summary>
    public const int MaximumTokenLength = 4096;

    private const int MaximumSignatureBytes = 64;

    private readonly SigningKeySet _keys;
    private readonly LinkTokenExpectations _expected;
    private readonly JsonEncodedText _issuer;
    private readonly JsonEncodedText _audience;

    public LinkTokenHandler(SigningKeySet keys, string issuer, string audience, IEnumerable<string>? purposes = null)
    {
        _keys = keys;
        _expected = new LinkTokenExpectations(issuer, audience, purposes ?? []);
        _issuer = JsonEncodedText.Encode(issuer, LinkTokenJson.WriterOptions.Encoder);
        _audience = JsonEncodedText.Encode(audience, LinkTokenJson.WriterOptions.Encoder);
    }

    public string Create(LinkTokenContent content)
    {
        LinkSigningKey key = _keys.Current;
        using PayloadBuffer buffer = PayloadBuffer.Rent();
        WritePayload(buffer.Writer, content);
        ReadOnlySpan<byte> payload = buffer.WrittenSpan;

        string header = key.EncodedHeader;
        int signedLength = header.Length + 1 + Base64UrlCodec.GetEncodedLength(payload.Length);
        int signatureBytes = key.Algorithm.SignatureBytes;
        int length = signedLength + 1 + Base64UrlCodec.GetEncodedLength(signatureBytes);

        // Only custom claims can make a token long; the usual one fits on the stack.
        char[]? rented = null;
        Span<char> token = length <= 1024 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
        byte[]? rentedBytes = null;
        Span<byte> signed = signedLength <= 1024 ? stackalloc byte[signedLength] : (rentedBytes = ArrayPool<byte>.Shared.Rent(signedLength));
        try
        {
            header.CopyTo(token);
            token[header.Length] = '.';
            Base64UrlCodec.Encode(payload, token[(header.Length + 1)..]);
            token[signedLength] = '.';

            signed = signed[..signedLength];
            Encoding.ASCII.GetBytes(token[..signedLength], signed);
            Span<byte> signature = stackalloc byte[MaximumSignatureBytes];
            key.Signer.Compute(signed, signature);
            Base64UrlCodec.Encode(signature[..signatureBytes], token[(signedLength + 1)..]);
            return new string(token[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    /// <summary>Checks a token's form and signature. Never throws for any input.</summary>
    public LinkTokenVerification Verify(string token)
    {
        if (token.Length is 0 or > MaximumTokenLength)
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        // Exactly three segments: two, four, or a five-part JWE are all malformed here.
        ReadOnlySpan<char> chars = token;
        int firstDot = chars.IndexOf('.');
        int secondDot = firstDot < 0 ? -1 : chars[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (secondDot <= firstDot || chars[(secondDot + 1)..].Contains('.'))
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        ReadOnlySpan<char> encodedHeader = chars[..firstDot];
        ReadOnlySpan<char> encodedPayload = chars[(firstDot + 1)..secondDot];
        int headerLength = Base64UrlCodec.GetDecodedLength(encodedHeader);
        int payloadLength = Base64UrlCodec.GetDecodedLength(encodedPayload);
        if (headerLength < 0 || payloadLength < 0)
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        // At most three quarters of 4 KiB. The payload is decoded only for a header that says it is a link token.
        Span<byte> decoded = stackalloc byte[headerLength + payloadLength];
        Span<byte> headerJson = decoded[..headerLength];
        Span<byte> payloadJson = decoded[headerLength..];
        LinkTokenHeader header;
        LinkTokenPayload payload;
        try
        {
            if (!Base64UrlCodec.TryDecode(encodedHeader, headerJson, allowStandardAlphabet: true)
                || !(header = LinkTokenHeader.Read(headerJson, _keys)).IsLinkToken
                || !Base64UrlCodec.TryDecode(encodedPayload, payloadJson, allowStandardAlphabet: true)
                || !LinkTokenPayload.TryRead(payloadJson, _expected, out payload)
                || !payload.IsComplete)
            {
                return LinkTokenVerification.Failed(LinkFailure.Malformed);
            }
        }
        catch (JsonException)
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        if (header.Key is not { } key)
        {
            return LinkTokenVerification.Failed(LinkFailure.UnknownKey);
        }

        // The algorithm is pinned per key: a token naming any other algorithm (none, a swapped HMAC) never reaches HMAC.
        if (header.Algorithm != key.Algorithm || !HasValidSignature(key, chars[..secondDot], chars[(secondDot + 1)..]))
        {
            return LinkTokenVerification.Failed(LinkFailure.InvalidSignature);
        }

        if (!payload.AudienceMatches)
        {
            return LinkTokenVerification.Failed(LinkFailure.WrongAudience);
        }

        if (!payload.IssuerMatches)
        {
            return LinkTokenVerification.Failed(LinkFailure.WrongIssuer);
        }

        var content = new LinkTokenContent(
            payload.Subject.ToString(payloadJson),
            payload.Purpose!,
            payload.TokenId.ToString(payloadJson),
            ToTime(payload.IssuedAt),
            DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt!.Value),
            ToTime(payload.NotBefore),
            payload.StateHash,
            payload.Data ?? LinkTokenContent.NoData);
        return new LinkTokenVerification(LinkFailure.None, content, key);
    }

    private static bool HasValidSignature(LinkSigningKey key, ReadOnlySpan<char> signedPart, ReadOnlySpan<char> encodedSignature)
    {
        int signatureBytes = key.Algorithm.SignatureBytes;
        if (Base64UrlCodec.GetDecodedLength(encodedSignature) != signatureBytes)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[signatureBytes];
        if (!Base64UrlCodec.TryDecode(encodedSignature, presented, allowStandardAlphabet: false))
        {
            return false;
        }

        // The header and payload decoded, so the signed part is base64url (and perhaps whitespace): ASCII.
        Span<byte> signed = stackalloc byte[signedPart.Length];
        Encoding.ASCII.GetBytes(signedPart, signed);
        Span<byte> expected = stackalloc byte[MaximumSignatureBytes];
        key.Signer.Compute(signed, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..signatureBytes], presented);
    }

    private static DateTimeOffset? ToTime(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private void WritePayload(Utf8JsonWriter writer, LinkTokenContent content)
    {
        writer.WriteStartObject();
        writer.WriteString(LinkTokenJson.Iss, _issuer);
        writer.WriteString(LinkTokenJson.Aud, _audience);
        writer.WriteString(LinkTokenJson.Sub, content.Subject);
        writer.WriteString(LinkTokenJson.Pur, content.Purpose);
        writer.WriteString(LinkTokenJson.Jti, content.TokenId);
        if (content.IssuedAt is { } issuedAt)
        {
            writer.WriteNumber(LinkTokenJson.Iat, issuedAt.ToUnixTimeSeconds());
        }

        writer.WriteNumber(LinkTokenJson.Exp, content.ExpiresAt.ToUnixTimeSeconds());
        if (content.StateHash is not null)
        {
            writer.WriteString(LinkTokenJson.Stp, content.StateHash);
        }

        foreach ((string name, string value) in content.Data)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
