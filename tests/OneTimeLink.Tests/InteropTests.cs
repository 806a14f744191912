using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

/// <summary>Our tokens are standard JWS: System.IdentityModel.Tokens.Jwt reads ours, and we read its.</summary>
public sealed class InteropTests
{
    private static readonly SymmetricSecurityKey s_key = new(Convert.FromBase64String(TestLinks.Secret)) { KeyId = "k1" };

    [Fact]
    public async Task OurToken_ValidatesWithJwtSecurityTokenHandler()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        IssuedLink issued = await TestLinks.CreateService(time).IssueAsync(TestLinks.Activate, "user-42");
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };

        ClaimsPrincipal principal = handler.ValidateToken(
            issued.Token,
            new TokenValidationParameters
            {
                IssuerSigningKey = s_key,
                ValidIssuer = TestLinks.Issuer,
                ValidAudience = TestLinks.Audience,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidTypes = ["otl+jwt"],
            },
            out SecurityToken token);

        principal.FindFirst("sub")!.Value.Should().Be("user-42");
        principal.FindFirst("pur")!.Value.Should().Be(TestLinks.Activate);
        principal.FindFirst("jti")!.Value.Should().Be(issued.TokenId);
        ((JwtSecurityToken)token).Header.Typ.Should().Be("otl+jwt");
    }

    [Fact]
    public async Task JwtSecurityTokenHandlerToken_WithOurTypAndKid_IsAcceptedByUs()
    {
        var time = new FakeTimeProvider(TestLinks.Start);
        var handler = new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var header = new JwtHeader(new SigningCredentials(s_key, SecurityAlgorithms.HmacSha256)) { ["typ"] = "otl+jwt" };
        var payload = new JwtPayload
        {
            ["iss"] = TestLinks.Issuer,
            ["aud"] = TestLinks.Audience,
            ["sub"] = "user-42",
            ["pur"] = TestLinks.Activate,
            ["jti"] = "bWludGVkLWVsc2V3aGVyZQ",
            ["iat"] = TestLinks.Start.ToUnixTimeSeconds(),
            ["exp"] = TestLinks.Start.AddMinutes(30).ToUnixTimeSeconds(),
        };
        string minted = handler.WriteToken(new JwtSecurityToken(header, payload));

        LinkValidationResult result = await TestLinks.CreateService(time).RedeemAsync(minted, TestLinks.Activate);

        result.Succeeded.Should().BeTrue();
        result.Subject.Should().Be("user-42");
        result.TokenId.Should().Be("bWludGVkLWVsc2V3aGVyZQ");
        result.ExpiresAt.Should().Be(TestLinks.Start.AddMinutes(30));
    }
}
