using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tests.Infrastructure;

/// <summary>Hand-builds compact JWS strings, as an attacker (or a buggy issuer holding the key) would.</summary>
internal static class TokenForge
{
    public static string Header(string alg = "HS256", string? kid = "k1", string? typ = "otl+jwt")
    {
        var parts = new List<string> { $"\"alg\":\"{alg}\"" };
        if (kid is not null)
        {
            parts.Add($"\"kid\":\"{kid}\"");
        }

        if (typ is not null)
        {
            parts.Add($"\"typ\":\"{typ}\"");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>A payload like the service's, valid at <see cref="TestLinks.Start"/>, with claims changed or removed.</summary>
    public static string Payload(
        string? iss = TestLinks.Issuer,
        string? aud = TestLinks.Audience,
        string? sub = "user-42",
        string? pur = TestLinks.Activate,
        string? jti = "AAAAAAAAAAAAAAAAAAAAAA",
        long? iat = null,
        long? exp = null,
        long? nbf = null)
    {
        long start = TestLinks.Start.ToUnixTimeSeconds();
        var claims = new List<string>();
        Add(claims, "iss", iss);
        Add(claims, "aud", aud);
        Add(claims, "sub", sub);
        Add(claims, "pur", pur);
        Add(claims, "jti", jti);
        claims.Add($"\"iat\":{iat ?? start}");
        if (exp != long.MinValue)
        {
            claims.Add($"\"exp\":{exp ?? start + 3600}");
        }

        if (nbf is not null)
        {
            claims.Add($"\"nbf\":{nbf}");
        }

        return "{" + string.Join(",", claims) + "}";
    }

    public static string Sign(string header, string payload, string base64Secret = TestLinks.Secret, string alg = "HS256")
    {
        string signingInput = Encode(header) + "." + Encode(payload);
        byte[] key = Convert.FromBase64String(base64Secret);
        byte[] input = Encoding.ASCII.GetBytes(signingInput);
        byte[] signature = alg switch
        {
            "HS384" => HMACSHA384.HashData(key, input),
            "HS512" => HMACSHA512.HashData(key, input),
            _ => HMACSHA256.HashData(key, input),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public static string Unsigned(string header, string payload) => Encode(header) + "." + Encode(payload) + ".";

    public static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static void Add(List<string> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims.Add($"\"{name}\":\"{value}\"");
        }
    }
}
