using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// Reads a token strictly, as <see cref="LinkTokenWriter"/> writes it, and nothing looser: three segments of canonical
/// base64url; a header of exactly <c>alg</c>, <c>kid</c> and <c>typ: otl+jwt</c> (so <c>crit</c> and every other
/// parameter are refused); a payload object whose registered claims have their types (strings, integer dates), whose
/// custom claims are strings, with <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>pur</c>, <c>jti</c>, <c>iat</c> and
/// <c>exp</c> present; no name twice after unescaping; compact JSON, nothing before or after either object. Never
/// throws for any input.
/// </summary>
internal static class LinkTokenReader
{
    private const int Iss = 1, Aud = 2, Sub = 4, Pur = 8, Jti = 16, Iat = 32, Exp = 64, Nbf = 128, Stp = 256, Custom = 0;
    private const int Required = Iss | Aud | Sub | Pur | Jti | Iat | Exp;

    /// <summary>Gets the buffer <see cref="TryRead"/> needs: the token as ASCII, the decoded segments, and their text unescaped.</summary>
    public static int GetBufferSize(int tokenLength) => tokenLength + (2 * ((tokenLength / 4 * 3) + 3));

    /// <summary>Reads <paramref name="token"/> into <paramref name="buffer"/>; false when it is not a well-formed link token.</summary>
    public static bool TryRead(ReadOnlySpan<char> token, Span<byte> buffer, out UnverifiedLinkToken unverified)
    {
        unverified = default;
        if (!Ascii.IsValid(token))
        {
            return false;
        }

        // ASCII, one byte per character: what is signed, and what the decoder reads.
        Span<byte> ascii = buffer[..token.Length];
        Ascii.FromUtf16(token, ascii, out _);
        int firstDot = ascii.IndexOf((byte)'.');
        int secondDot = firstDot < 0 ? -1 : ascii[(firstDot + 1)..].IndexOf((byte)'.');
        if (secondDot < 0)
        {
            return false;
        }

        secondDot += firstDot + 1;
        ReadOnlySpan<byte> encodedHeader = ascii[..firstDot];
        ReadOnlySpan<byte> encodedPayload = ascii[(firstDot + 1)..secondDot];
        ReadOnlySpan<byte> signature = ascii[(secondDot + 1)..];
        int headerLength = CanonicalBase64Url.GetDecodedLength(encodedHeader);
        int payloadLength = CanonicalBase64Url.GetDecodedLength(encodedPayload);
        if (headerLength <= 0 || payloadLength <= 0 || signature.Contains((byte)'.'))
        {
            return false;
        }

        Span<byte> rest = buffer[token.Length..];
        Span<byte> header = rest[..headerLength];
        Span<byte> payload = rest.Slice(headerLength, payloadLength);
        Span<byte> scratch = rest[(headerLength + payloadLength)..];
        var read = new UnverifiedLinkToken { SigningInput = ascii[..secondDot], Signature = signature };
        try
        {
            // The payload is decoded only for a header that says it is a link token.
            if (!CanonicalBase64Url.TryDecode(encodedHeader, header)
                || !ReadHeader(header, ref scratch, ref read)
                || !CanonicalBase64Url.TryDecode(encodedPayload, payload)
                || !ReadPayload(payload, ref scratch, ref read)
                || !CanonicalBase64Url.IsCanonical(signature))
            {
                return false;
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader.Read reports JSON that is not JSON this way, and only this way.
            return false;
        }

        unverified = read;
        return true;
    }

    private static bool ReadHeader(ReadOnlySpan<byte> json, scoped ref Span<byte> scratch, scoped ref UnverifiedLinkToken token)
    {
        const int Alg = 1, Kid = 2, Typ = 4;
        var reader = new Utf8JsonReader(json);
        if (json[0] != (byte)'{' || !reader.Read())
        {
            return false;
        }

        int seen = 0;
        while (true)
        {
            if (!ReadCompact(ref reader, json))
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            if (!JsonText.TryRead(ref reader, ref scratch, out ReadOnlySpan<byte> name)
                || !ReadCompact(ref reader, json)
                || reader.TokenType != JsonTokenType.String
                || !JsonText.TryRead(ref reader, ref scratch, out ReadOnlySpan<byte> value))
            {
                return false;
            }

            int member = name.SequenceEqual(LinkTokenFormat.AlgName.EncodedUtf8Bytes) ? Alg
                : name.SequenceEqual(LinkTokenFormat.KidName.EncodedUtf8Bytes) ? Kid
                : name.SequenceEqual(LinkTokenFormat.TypName.EncodedUtf8Bytes) ? Typ
                : 0;
            if (member == 0 || (seen & member) != 0)
            {
                return false;
            }

            seen |= member;
            if (member == Alg)
            {
                token.Algorithm = value;
            }
            else if (member == Kid)
            {
                token.KeyId = value;
            }
            else if (!value.SequenceEqual(LinkTokenFormat.TokenTypeValue.EncodedUtf8Bytes))
            {
                return false;
            }
        }

        return seen == (Alg | Kid | Typ) && IsEndOf(ref reader, json);
    }

    private static bool ReadPayload(ReadOnlySpan<byte> json, scoped ref Span<byte> scratch, scoped ref UnverifiedLinkToken token)
    {
        var reader = new Utf8JsonReader(json);
        if (json[0] != (byte)'{' || !reader.Read())
        {
            return false;
        }

        int seen = 0;
        while (true)
        {
            if (!ReadCompact(ref reader, json))
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            if (!JsonText.TryRead(ref reader, ref scratch, out ReadOnlySpan<byte> name) || !ReadCompact(ref reader, json))
            {
                return false;
            }

            int claim = ClaimOf(name);
            if ((seen & claim) != 0)
            {
                return false;
            }

            seen |= claim;
            if (claim is Iat or Exp or Nbf)
            {
                if (!TryReadDate(ref reader, out long seconds))
                {
                    return false;
                }

                if (claim == Iat)
                {
                    token.IssuedAt = seconds;
                }
                else if (claim == Exp)
                {
                    token.ExpiresAt = seconds;
                }
                else
                {
                    token.NotBefore = seconds;
                }

                continue;
            }

            if (reader.TokenType != JsonTokenType.String || !JsonText.TryRead(ref reader, ref scratch, out ReadOnlySpan<byte> value))
            {
                return false;
            }

            switch (claim)
            {
                case Iss:
                    token.Issuer = value;
                    break;
                case Aud:
                    token.Audience = value;
                    break;
                case Sub:
                    token.Subject = value;
                    break;
                case Pur:
                    token.Purpose = value;
                    break;
                case Jti:
                    token.TokenId = value;
                    break;
                case Stp:
                    token.StateHash = value;
                    token.HasStateHash = true;
                    break;
                default:
                    // Both are valid UTF-8, so making strings of them cannot fail.
                    if (name.IsEmpty || !(token.Data ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value)))
                    {
                        return false;
                    }

                    break;
            }

            // The writer never writes an empty subject, purpose, token id or state hash.
            if (value.IsEmpty && claim is Sub or Pur or Jti or Stp)
            {
                return false;
            }
        }

        return (seen & Required) == Required && IsEndOf(ref reader, json);
    }

    /// <summary>Which registered claim a name is (its bit), or <see cref="Custom"/>.</summary>
    private static int ClaimOf(ReadOnlySpan<byte> name)
    {
        if (name.Length != 3)
        {
            return Custom;
        }

        return name.SequenceEqual(LinkTokenFormat.IssName.EncodedUtf8Bytes) ? Iss
            : name.SequenceEqual(LinkTokenFormat.AudName.EncodedUtf8Bytes) ? Aud
            : name.SequenceEqual(LinkTokenFormat.SubName.EncodedUtf8Bytes) ? Sub
            : name.SequenceEqual(LinkTokenFormat.PurName.EncodedUtf8Bytes) ? Pur
            : name.SequenceEqual(LinkTokenFormat.JtiName.EncodedUtf8Bytes) ? Jti
            : name.SequenceEqual(LinkTokenFormat.IatName.EncodedUtf8Bytes) ? Iat
            : name.SequenceEqual(LinkTokenFormat.ExpName.EncodedUtf8Bytes) ? Exp
            : name.SequenceEqual(LinkTokenFormat.NbfName.EncodedUtf8Bytes) ? Nbf
            : name.SequenceEqual(LinkTokenFormat.StpName.EncodedUtf8Bytes) ? Stp
            : Custom;
    }

    /// <summary>A NumericDate as the writer writes it: a non-negative integer no later than <see cref="LinkTokenFormat.MaximumDate"/>.</summary>
    private static bool TryReadDate(ref Utf8JsonReader reader, out long seconds)
    {
        seconds = 0;
        return reader.TokenType == JsonTokenType.Number
            && reader.ValueSpan[0] != (byte)'-'
            && reader.TryGetInt64(out seconds)
            && seconds <= LinkTokenFormat.MaximumDate;
    }

    /// <summary>
    /// Reads the next token, refusing whitespace before it: the writer writes compact JSON, so a token starts right where
    /// the previous one ended, or one separator (':' or ',') after.
    /// </summary>
    private static bool ReadCompact(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        long previousEnd = reader.BytesConsumed;
        if (!reader.Read())
        {
            return false;
        }

        long gap = reader.TokenStartIndex - previousEnd;
        return gap == 0 || (gap == 1 && json[(int)previousEnd] is (byte)':' or (byte)',');
    }

    /// <summary>Gets whether the reader is at the end of the object and the object is the whole segment.</summary>
    private static bool IsEndOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) =>
        reader.TokenType == JsonTokenType.EndObject && reader.BytesConsumed == json.Length;
}
