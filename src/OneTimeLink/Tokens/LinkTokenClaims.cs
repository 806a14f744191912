using Microsoft.IdentityModel.JsonWebTokens;

namespace OneTimeLink.Tokens;

/// <summary>Names and values of the token format: see the "Token format" section of the design.</summary>
internal static class LinkTokenClaims
{
    public const string TokenType = "otl+jwt";
    public const string Purpose = "pur";
    public const string StateHash = "stp";

    /// <summary>Claim names <see cref="LinkIssueOptions.Data"/> cannot use: the registered JWT claims and ours.</summary>
    public static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        JwtRegisteredClaimNames.Iss,
        JwtRegisteredClaimNames.Sub,
        JwtRegisteredClaimNames.Aud,
        JwtRegisteredClaimNames.Exp,
        JwtRegisteredClaimNames.Nbf,
        JwtRegisteredClaimNames.Iat,
        JwtRegisteredClaimNames.Jti,
        Purpose,
        StateHash,
    };
}
