using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// The floor: the least work that can issue and check this token. Utf8JsonWriter, base64url on spans, one kept HMAC
/// (single-threaded, which a library cannot be), random bytes drawn in batches, Utf8JsonReader checks of <c>typ</c>,
/// <c>alg</c>, <c>kid</c>, issuer, audience, purpose and expiry. No duplicate-claim, text or edge-case checks.
/// </summary>
public sealed class FloorRows : IDisposable
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, LinkClaims.Secret);
    private readonly ArrayBufferWriter<byte> _payload = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly string _header;
    private readonly byte[] _random = new byte[1024];
    private int _nextRandom = 1024;
    private ConcurrentDictionary<string, long> _redeemed = new(StringComparer.Ordinal);

    public FloorRows()
    {
        _writer = new Utf8JsonWriter(_payload, s_writerOptions);
        _header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"HS256\",\"kid\":\"{LinkClaims.KeyId}\",\"typ\":\"otl+jwt\"}}"));
    }

    public void ResetStore() => _redeemed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

    public string Issue()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (_nextRandom == _random.Length)
        {
            RandomNumberGenerator.Fill(_random);
            _nextRandom = 0;
        }

        Span<char> id = stackalloc char[22];
        Base64Url.EncodeToChars(_random.AsSpan(_nextRandom, 16), id);
        _nextRandom += 16;

        _payload.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("iss"u8, LinkClaims.Issuer);
        _writer.WriteString("aud"u8, LinkClaims.Audience);
        _writer.WriteString("sub"u8, LinkClaims.Subject);
        _writer.WriteString("pur"u8, LinkClaims.Purpose);
        _writer.WriteString("jti"u8, id);
        _writer.WriteNumber("iat"u8, now);
        _writer.WriteNumber("exp"u8, now + (long)LinkClaims.Lifetime.TotalSeconds);
        _writer.WriteEndObject();
        _writer.Flush();

        int signedLength = _header.Length + 1 + Base64Url.GetEncodedLength(_payload.WrittenCount);
        Span<char> token = stackalloc char[signedLength + 1 + 43];
        _header.CopyTo(token);
        token[_header.Length] = '.';
        Base64Url.EncodeToChars(_payload.WrittenSpan, token[(_header.Length + 1)..]);
        token[signedLength] = '.';
        Span<byte> signed = stackalloc byte[signedLength];
        Encoding.ASCII.GetBytes(token[..signedLength], signed);
        Span<byte> mac = stackalloc byte[32];
        _hmac.AppendData(signed);
        _hmac.GetHashAndReset(mac);
        Base64Url.EncodeToChars(mac, token[(signedLength + 1)..]);
        return new string(token);
    }

    /// <summary>Returns the token id when the token is good, else null.</summary>
    public string? Validate(string token)
    {
        if (token.Length > 4096)
        {
            return null;
        }

        ReadOnlySpan<char> chars = token;
        int dot1 = chars.IndexOf('.');
        int dot2 = dot1 < 0 ? -1 : chars[(dot1 + 1)..].IndexOf('.') + dot1 + 1;
        if (dot2 <= dot1 || chars[(dot2 + 1)..].Contains('.'))
        {
            return null;
        }

        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(dot2)];
        if (Base64Url.DecodeFromChars(chars[..dot1], json, out _, out int headerLength) != OperationStatus.Done
            || !HeaderIsOurs(json[..headerLength])
            || Base64Url.DecodeFromChars(chars[(dot1 + 1)..dot2], json, out _, out int payloadLength) != OperationStatus.Done)
        {
            return null;
        }

        Span<byte> signature = stackalloc byte[33];
        if (Base64Url.DecodeFromChars(chars[(dot2 + 1)..], signature, out _, out int signatureLength) != OperationStatus.Done || signatureLength != 32)
        {
            return null;
        }

        Span<byte> signed = stackalloc byte[dot2];
        Encoding.ASCII.GetBytes(chars[..dot2], signed);
        Span<byte> expected = stackalloc byte[32];
        _hmac.AppendData(signed);
        _hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature[..32]) ? ReadPayload(json[..payloadLength]) : null;
    }

    public string? Redeem(string token) => Validate(token) is { } id && _redeemed.TryAdd(id, 0) ? id : null;

    public void Dispose()
    {
        _hmac.Dispose();
        _writer.Dispose();
    }

    private static bool HeaderIsOurs(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            bool alg = false, kid = false, typ = false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    reader.Read();
                    alg = reader.ValueTextEquals("HS256"u8);
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    reader.Read();
                    kid = reader.ValueTextEquals(LinkClaims.KeyId);
                }
                else if (reader.ValueTextEquals("typ"u8))
                {
                    reader.Read();
                    typ = reader.ValueTextEquals("otl+jwt"u8);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return alg && kid && typ;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ReadPayload(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            bool issuer = false, audience = false, purpose = false;
            long expires = 0;
            string? id = null;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("iss"u8))
                {
                    reader.Read();
                    issuer = reader.ValueTextEquals(LinkClaims.Issuer);
                }
                else if (reader.ValueTextEquals("aud"u8))
                {
                    reader.Read();
                    audience = reader.ValueTextEquals(LinkClaims.Audience);
                }
                else if (reader.ValueTextEquals("pur"u8))
                {
                    reader.Read();
                    purpose = reader.ValueTextEquals(LinkClaims.Purpose);
                }
                else if (reader.ValueTextEquals("jti"u8))
                {
                    reader.Read();
                    id = reader.GetString();
                }
                else if (reader.ValueTextEquals("exp"u8))
                {
                    reader.Read();
                    expires = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("sub"u8))
                {
                    // A caller needs the subject: the floor pays for the string too.
                    reader.Read();
                    _ = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            bool live = DateTimeOffset.UtcNow.ToUnixTimeSeconds() < expires + (long)LinkClaims.ClockSkew.TotalSeconds;
            return issuer && audience && purpose && live ? id : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
