using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tokens;

/// <summary>One configured key with everything built from it once: signing credentials, validation parameters, state key.</summary>
internal sealed class LinkSigningKey
{
    private static readonly byte[] s_stateKeyLabel = Encoding.ASCII.GetBytes("OneTimeLink state binding v1");

    public LinkSigningKey(string id, LinkSigningAlgorithm algorithm, byte[] secret, string issuer, string audience)
    {
        Id = id;
        Algorithm = algorithm.Name;
        var securityKey = new SymmetricSecurityKey(secret) { KeyId = id };
        SigningCredentials = new SigningCredentials(securityKey, algorithm.Name);

        // Lifetime is checked by the service against its TimeProvider and ClockSkew: the handler's clock cannot be
        // injected and its default skew is five minutes.
        ValidationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = securityKey,
            ValidAlgorithms = [algorithm.Name],
            ValidTypes = [LinkTokenClaims.TokenType],
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            SaveSigninToken = false,
        };

        // A key of its own for state hashes, so a state hash can never stand in for a token signature.
        StateKey = HMACSHA256.HashData(secret, s_stateKeyLabel);
    }

    public string Id { get; }

    public string Algorithm { get; }

    public SigningCredentials SigningCredentials { get; }

    public TokenValidationParameters ValidationParameters { get; }

    public byte[] StateKey { get; }
}
