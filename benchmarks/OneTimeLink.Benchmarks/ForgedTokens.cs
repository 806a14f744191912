using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Benchmarks;

/// <summary>Makes each <see cref="ForgedKind"/> in the JWT format and in Identity's.</summary>
public sealed class ForgedTokens(IdentityRows identity)
{
    public const string Garbage = "R2FyYmFnZSBmcm9tIGEgbWFpbCBzY2FubmVy.bm90IGEgdG9rZW4gYXQgYWxs.c2lnbmF0dXJlLXBsZWFzZQ";

    public static readonly string Oversize = new('a', 5000);

    public string Jwt(ForgedKind kind, string good) => kind switch
    {
        ForgedKind.BadSignature => ChangeOneCharacter(good, good.LastIndexOf('.') + 10),
        ForgedKind.WrongTyp => WithTypJwt(good),
        ForgedKind.Oversize => Oversize,
        _ => Garbage,
    };

    public string Identity(ForgedKind kind) => kind switch
    {
        ForgedKind.BadSignature => ChangeOneCharacter(identity.IssueAsync().GetAwaiter().GetResult(), 60),
        ForgedKind.WrongTyp => identity.IssueAsync(LinkClaims.OtherPurpose).GetAwaiter().GetResult(),
        ForgedKind.Oversize => Oversize,
        _ => Garbage,
    };

    private static string ChangeOneCharacter(string token, int at) =>
        string.Concat(token.AsSpan(0, at), token[at] == 'A' ? "B" : "A", token.AsSpan(at + 1));

    /// <summary>The same claims, re-signed with the right key under <c>typ: JWT</c>.</summary>
    private static string WithTypJwt(string good)
    {
        string payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(good.Split('.')[1]));
        var credentials = new SigningCredentials(new SymmetricSecurityKey(LinkClaims.Secret) { KeyId = LinkClaims.KeyId }, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(payload, credentials, new Dictionary<string, object> { ["typ"] = "JWT" });
    }
}
