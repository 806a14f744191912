using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tests.Reference;

/// <summary>
/// The verification the library did before its hot path, on <see cref="JsonWebTokenHandler"/>: the reference the hot
/// path must agree with. Kept as it was, with two deliberate changes the hot path makes too: a header or payload naming
/// a claim twice is malformed (parsers that keep the first and the last must never disagree), and content that
/// IdentityModel cannot read back (invalid text inside a nested value) is malformed instead of an exception.
/// </summary>
internal sealed class ReferenceLinkTokenVerifier
{
    public const int MaximumTokenLength = 4096;

    private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
    {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "pur", "stp",
    };

    private readonly JsonWebTokenHandler _handler = new()
    {
        SetDefaultTimesOnTokenCreation = false,
        MaximumTokenSizeInBytes = MaximumTokenLength,
    };

    private readonly Dictionary<string, (string Algorithm, TokenValidationParameters Parameters)> _keys = new(StringComparer.Ordinal);

    public ReferenceLinkTokenVerifier(OneTimeLinkOptions options)
    {
        foreach (SigningKeyOptions key in options.Keys)
        {
            var securityKey = new SymmetricSecurityKey(Convert.FromBase64String(key.Secret!)) { KeyId = key.Id };
            _keys[key.Id!] = (key.Algorithm, new TokenValidationParameters
            {
                IssuerSigningKey = securityKey,
                ValidAlgorithms = [key.Algorithm],
                ValidTypes = ["otl+jwt"],
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateLifetime = false,
                RequireExpirationTime = false,
                RequireSignedTokens = true,
                TryAllIssuerSigningKeys = false,
                SaveSigninToken = false,
            });
        }
    }

    public async Task<ReferenceVerdict> VerifyAsync(string token)
    {
        if (token.Length is 0 or > MaximumTokenLength)
        {
            return new(LinkFailure.Malformed);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or OverflowException or InvalidOperationException or DecoderFallbackException)
        {
            return new(LinkFailure.Malformed);
        }

        ReferenceContent? content;
        try
        {
            if (!string.Equals(jwt.Typ, "otl+jwt", StringComparison.Ordinal)
                || jwt.IsEncrypted
                || HasDuplicateNames(jwt.EncodedHeader)
                || HasDuplicateNames(jwt.EncodedPayload)
                || !TryReadContent(jwt, out content))
            {
                return new(LinkFailure.Malformed);
            }
        }
        catch (InvalidOperationException)
        {
            return new(LinkFailure.Malformed);
        }

        if (string.IsNullOrEmpty(jwt.Kid) || !_keys.TryGetValue(jwt.Kid, out (string Algorithm, TokenValidationParameters Parameters) key))
        {
            return new(LinkFailure.UnknownKey);
        }

        if (!string.Equals(jwt.Alg, key.Algorithm, StringComparison.Ordinal))
        {
            return new(LinkFailure.InvalidSignature);
        }

        TokenValidationResult result = await _handler.ValidateTokenAsync(jwt, key.Parameters);
        return result.IsValid ? new(LinkFailure.None, content, jwt.Kid) : new(ToFailure(result.Exception));
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

    /// <summary>The one deliberate tightening: top-level names of the header or payload object must be unique.</summary>
    private static bool HasDuplicateNames(string segment)
    {
        var reader = new Utf8JsonReader(Base64UrlEncoder.DecodeBytes(segment));
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        var names = new HashSet<string>(StringComparer.Ordinal);
        return document.RootElement.EnumerateObject().Any(property => !names.Add(property.Name));
    }

    private static bool TryReadContent(JsonWebToken jwt, [NotNullWhen(true)] out ReferenceContent? content)
    {
        content = null;
        if (!TryGetString(jwt, "iss", out _)
            || !jwt.Audiences.Any()
            || !TryGetString(jwt, "sub", out string? subject)
            || !TryGetString(jwt, "pur", out string? purpose)
            || !TryGetString(jwt, "jti", out string? tokenId)
            || !TryGetTime(jwt, "exp", out DateTimeOffset? expiresAt)
            || expiresAt is null
            || !TryGetTime(jwt, "iat", out DateTimeOffset? issuedAt)
            || !TryGetTime(jwt, "nbf", out DateTimeOffset? notBefore))
        {
            return false;
        }

        string? stateHash = null;
        if (jwt.TryGetPayloadValue("stp", out object? _) && !TryGetString(jwt, "stp", out stateHash))
        {
            return false;
        }

        content = new ReferenceContent(subject, purpose, tokenId, issuedAt, expiresAt.Value, notBefore, stateHash, ReadData(jwt));
        return true;
    }

    private static bool TryGetString(JsonWebToken jwt, string name, [NotNullWhen(true)] out string? value)
    {
        value = jwt.TryGetPayloadValue(name, out object? raw) ? raw as string : null;
        return !string.IsNullOrEmpty(value);
    }

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

    private static Dictionary<string, string> ReadData(JsonWebToken jwt)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Claim claim in jwt.Claims)
        {
            if (!s_reserved.Contains(claim.Type) && string.Equals(claim.ValueType, ClaimValueTypes.String, StringComparison.Ordinal))
            {
                data[claim.Type] = claim.Value;
            }
        }

        return data;
    }
}
