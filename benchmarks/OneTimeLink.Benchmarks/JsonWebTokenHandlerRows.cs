using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// Raw <see cref="JsonWebTokenHandler"/>, tuned as its documentation suggests: one handler, one key, one set of
/// validation parameters, the payload written as JSON once per token, claims read from the token (not a ClaimsIdentity).
/// </summary>
public sealed class JsonWebTokenHandlerRows
{
    private static readonly Dictionary<string, object> s_header = new(StringComparer.Ordinal) { ["typ"] = "otl+jwt" };

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MaximumTokenSizeInBytes = 4096 };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _parameters;
    private ConcurrentDictionary<string, long> _redeemed = new(StringComparer.Ordinal);

    public JsonWebTokenHandlerRows()
    {
        var key = new SymmetricSecurityKey(LinkClaims.Secret) { KeyId = LinkClaims.KeyId };
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = ["otl+jwt"],
            ValidIssuer = LinkClaims.Issuer,
            ValidAudience = LinkClaims.Audience,
            ClockSkew = LinkClaims.ClockSkew,
        };
    }

    public void ResetStore() => _redeemed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

    public string Issue()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Span<byte> id = stackalloc byte[16];
        RandomNumberGenerator.Fill(id);
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", LinkClaims.Issuer);
            writer.WriteString("aud", LinkClaims.Audience);
            writer.WriteString("sub", LinkClaims.Subject);
            writer.WriteString("pur", LinkClaims.Purpose);
            writer.WriteString("jti", Base64UrlEncoder.Encode(id.ToArray()));
            writer.WriteNumber("iat", now);
            writer.WriteNumber("exp", now + (long)LinkClaims.Lifetime.TotalSeconds);
            writer.WriteEndObject();
        }

        return _handler.CreateToken(Encoding.UTF8.GetString(payload.WrittenSpan), _credentials, s_header);
    }

    /// <summary>Signature, <c>typ</c>, <c>alg</c>, issuer, audience and lifetime by the handler; purpose by hand.</summary>
    public async ValueTask<string?> ValidateAsync(string token)
    {
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        return result.IsValid
            && result.SecurityToken is JsonWebToken jwt
            && jwt.TryGetPayloadValue("pur", out string? purpose)
            && purpose == LinkClaims.Purpose
                ? jwt.Id
                : null;
    }

    public async ValueTask<bool> RedeemAsync(string token)
    {
        string? tokenId = await ValidateAsync(token).ConfigureAwait(false);
        return tokenId is not null && _redeemed.TryAdd(tokenId, 0);
    }
}
