using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>Hand-builds link tokens, to reach the failures the library never issues itself.</summary>
internal static class TokenForge
{
    public const string OtherSecret = "N3wK3yF0rR0tat10nN3wK3yF0rR0tat10nN3wK3yF0r=";

    public static string Create(
        Action<Dictionary<string, object>>? claims = null,
        string keyId = TestApp.KeyId,
        string secret = TestApp.Secret,
        string algorithm = "HS256")
    {
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["kid"] = keyId, ["typ"] = "otl+jwt" };
        long now = TestApp.Start.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = TestApp.Issuer,
            ["aud"] = TestApp.Audience,
            ["sub"] = "user-1",
            ["pur"] = TestApp.Purpose,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["exp"] = now + 3600,
        };
        claims?.Invoke(payload);

        string signingInput = Encode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        if (algorithm == "none")
        {
            return signingInput + ".";
        }

        byte[] signature = HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
