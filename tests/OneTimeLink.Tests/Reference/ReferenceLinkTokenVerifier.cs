using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tests.Reference;

/// <summary>
/// <see cref="JsonWebTokenHandler"/> as an application would set it up for these tokens, with nothing of the library's
/// own rules added: every configured key, the three HMAC algorithms, <c>typ</c>, issuer, audience, and lifetime on the
/// test's clock with the same skew. The one-way reference: whatever it rejects, the library must reject.
/// </summary>
internal sealed class ReferenceLinkTokenVerifier
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
    {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "pur", "stp",
    };

    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = 4096 };
    private readonly TokenValidationParameters _parameters;

    public ReferenceLinkTokenVerifier(OneTimeLinkOptions options, DateTimeOffset now)
    {
        DateTime clock = now.UtcDateTime;
        TimeSpan skew = options.ClockSkew;
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = [.. options.Keys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k.Secret!)) { KeyId = k.Id })],
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512],
            ValidTypes = ["otl+jwt"],
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && clock - skew < e && (notBefore is not { } n || n <= clock + skew),
        };
    }

    /// <summary>Validates the token; the claims it read when it accepts it and can read them, else null.</summary>
    public async Task<ReferenceContent?> ValidateAsync(string token)
    {
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        // A token it validated may still hold text it cannot make strings of (invalid UTF-8): it reads nothing from it.
        IEnumerable<Claim> claims;
        try
        {
            claims = [.. jwt.Claims];
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Claim claim in claims)
        {
            if (!s_reserved.Contains(claim.Type) && string.Equals(claim.ValueType, ClaimValueTypes.String, StringComparison.Ordinal))
            {
                data[claim.Type] = claim.Value;
            }
        }

        return new ReferenceContent(
            jwt.Subject,
            jwt.TryGetPayloadValue("pur", out string? purpose) ? purpose ?? string.Empty : string.Empty,
            jwt.Id,
            jwt.IssuedAt == DateTime.MinValue ? null : new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero),
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero),
            null,
            null,
            data);
    }
}
