using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tokens;

/// <summary>Writes and verifies the compact JWS of a link token with <see cref="JsonWebTokenHandler"/>.</summary>
internal sealed class LinkTokenHandler
{
    /// <summary>Input above this length is refused before anything is decoded.</summary>
    public const int MaximumTokenLength = 4096;

    private static readonly Dictionary<string, object> s_headerClaims = new(StringComparer.Ordinal)
    {
        [JwtHeaderParameterNames.Typ] = LinkTokenClaims.TokenType,
    };

    private readonly JsonWebTokenHandler _handler = new()
    {
        SetDefaultTimesOnTokenCreation = false,
        MaximumTokenSizeInBytes = MaximumTokenLength,
    };

    private readonly SigningKeySet _keys;
    private readonly string _issuer;
    private readonly string _audience;

    public LinkTokenHandler(SigningKeySet keys, string issuer, string audience)
    {
        _keys = keys;
        _issuer = issuer;
        _audience = audience;
    }

    public string Create(LinkTokenContent content)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString(JwtRegisteredClaimNames.Iss, _issuer);
            writer.WriteString(JwtRegisteredClaimNames.Aud, _audience);
            writer.WriteString(JwtRegisteredClaimNames.Sub, content.Subject);
            writer.WriteString(LinkTokenClaims.Purpose, content.Purpose);
            writer.WriteString(JwtRegisteredClaimNames.Jti, content.TokenId);
            if (content.IssuedAt is { } issuedAt)
            {
                writer.WriteNumber(JwtRegisteredClaimNames.Iat, issuedAt.ToUnixTimeSeconds());
            }

            writer.WriteNumber(JwtRegisteredClaimNames.Exp, content.ExpiresAt.ToUnixTimeSeconds());
            if (content.StateHash is not null)
            {
                writer.WriteString(LinkTokenClaims.StateHash, content.StateHash);
            }

            foreach ((string name, string value) in content.Data)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return _handler.CreateToken(Encoding.UTF8.GetString(payload.WrittenSpan), _keys.Current.SigningCredentials, s_headerClaims);
    }

    public async ValueTask<LinkTokenVerification> VerifyAsync(string token)
    {
        if (token.Length is 0 or > MaximumTokenLength)
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (IsUnreadableInput(ex))
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        if (!string.Equals(jwt.Typ, LinkTokenClaims.TokenType, StringComparison.Ordinal)
            || jwt.IsEncrypted
            || !TryReadContent(jwt, out LinkTokenContent? content))
        {
            return LinkTokenVerification.Failed(LinkFailure.Malformed);
        }

        if (string.IsNullOrEmpty(jwt.Kid) || !_keys.TryFind(jwt.Kid, out LinkSigningKey? key))
        {
            return LinkTokenVerification.Failed(LinkFailure.UnknownKey);
        }

        // The algorithm is pinned per key: a token naming any other algorithm (none, a swapped HMAC) never reaches HMAC.
        if (!string.Equals(jwt.Alg, key.Algorithm, StringComparison.Ordinal))
        {
            return LinkTokenVerification.Failed(LinkFailure.InvalidSignature);
        }

        TokenValidationResult result = await _handler.ValidateTokenAsync(jwt, key.ValidationParameters).ConfigureAwait(false);
        return result.IsValid
            ? new LinkTokenVerification(LinkFailure.None, content, key)
            : LinkTokenVerification.Failed(ToFailure(result.Exception));
    }

    private static LinkFailure ToFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => LinkFailure.WrongIssuer,
        SecurityTokenInvalidAudienceException => LinkFailure.WrongAudience,
        SecurityTokenSignatureKeyNotFoundException => LinkFailure.UnknownKey,
        SecurityTokenInvalidTypeException => LinkFailure.Malformed,
        SecurityTokenMalformedException => LinkFailure.Malformed,
        _ => LinkFailure.InvalidSignature,
    };

    private static bool IsUnreadableInput(Exception exception) =>
        exception is ArgumentException or JsonException or FormatException or OverflowException or InvalidOperationException or DecoderFallbackException;

    private static bool TryReadContent(JsonWebToken jwt, [NotNullWhen(true)] out LinkTokenContent? content)
    {
        content = null;
        if (!TryGetString(jwt, JwtRegisteredClaimNames.Iss, out _)
            || !jwt.Audiences.Any()
            || !TryGetString(jwt, JwtRegisteredClaimNames.Sub, out string? subject)
            || !TryGetString(jwt, LinkTokenClaims.Purpose, out string? purpose)
            || !TryGetString(jwt, JwtRegisteredClaimNames.Jti, out string? tokenId)
            || !TryGetTime(jwt, JwtRegisteredClaimNames.Exp, out DateTimeOffset? expiresAt)
            || expiresAt is null
            || !TryGetTime(jwt, JwtRegisteredClaimNames.Iat, out DateTimeOffset? issuedAt)
            || !TryGetTime(jwt, JwtRegisteredClaimNames.Nbf, out DateTimeOffset? notBefore))
        {
            return false;
        }

        string? stateHash = null;
        if (jwt.TryGetPayloadValue(LinkTokenClaims.StateHash, out object? _) && !TryGetString(jwt, LinkTokenClaims.StateHash, out stateHash))
        {
            return false;
        }

        content = new LinkTokenContent(subject, purpose, tokenId, issuedAt, expiresAt.Value, notBefore, stateHash, ReadData(jwt));
        return true;
    }

    private static bool TryGetString(JsonWebToken jwt, string name, [NotNullWhen(true)] out string? value)
    {
        value = jwt.TryGetPayloadValue(name, out object? raw) ? raw as string : null;
        return !string.IsNullOrEmpty(value);
    }

    /// <summary>Reads an optional NumericDate claim: absent is fine, present but not an integer number of seconds is not.</summary>
    private static bool TryGetTime(JsonWebToken jwt, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!jwt.TryGetPayloadValue(name, out object? raw))
        {
            return true;
        }

        long seconds;
        switch (raw)
        {
            case long l:
                seconds = l;
                break;
            case int i:
                seconds = i;
                break;
            case double d when d is >= -62135596800d and <= 253402300799d:
                seconds = (long)d;
                break;
            default:
                return false;
        }

        if (seconds is < -62135596800L or > 253402300799L)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static IReadOnlyDictionary<string, string> ReadData(JsonWebToken jwt)
    {
        Dictionary<string, string>? data = null;
        foreach (Claim claim in jwt.Claims)
        {
            if (!LinkTokenClaims.Reserved.Contains(claim.Type)
                && string.Equals(claim.ValueType, ClaimValueTypes.String, StringComparison.Ordinal))
            {
                data ??= new Dictionary<string, string>(StringComparer.Ordinal);
                data[claim.Type] = claim.Value;
            }
        }

        return data ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(0);
    }
}
