using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tests.Reference;

/// <summary>How the library wrote tokens before its hot path: its own payload JSON, signed by <see cref="JsonWebTokenHandler"/>.</summary>
internal sealed class ReferenceLinkTokenWriter
{
    private static readonly Dictionary<string, object> s_headerClaims = new(StringComparer.Ordinal) { ["typ"] = "otl+jwt" };

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly string _issuer;
    private readonly string _audience;

    public ReferenceLinkTokenWriter(string keyId, string algorithm, string base64Secret, string issuer, string audience)
    {
        _credentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Secret)) { KeyId = keyId }, algorithm);
        _issuer = issuer;
        _audience = audience;
    }

    public string Create(ReferenceContent content)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", _issuer);
            writer.WriteString("aud", _audience);
            writer.WriteString("sub", content.Subject);
            writer.WriteString("pur", content.Purpose);
            writer.WriteString("jti", content.TokenId);
            if (content.IssuedAt is { } issuedAt)
            {
                writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            }

            writer.WriteNumber("exp", content.ExpiresAt.ToUnixTimeSeconds());
            if (content.StateHash is not null)
            {
                writer.WriteString("stp", content.StateHash);
            }

            foreach ((string name, string value) in content.Data)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return _handler.CreateToken(Encoding.UTF8.GetString(payload.WrittenSpan), _credentials, s_headerClaims);
    }
}
