using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

/// <summary>One named row per attack on the token format; each must give its failure, never an exception.</summary>
public sealed class AttackTests
{
    private const string OtherSecret = TestLinks.OtherSecret;

    public static TheoryData<string, string, LinkFailure> Attacks()
    {
        string header = TokenForge.Header();
        string payload = TokenForge.Payload();
        string good = TokenForge.Sign(header, payload);
        string[] goodParts = good.Split('.');
        string nested = new string('[', 10_000) + new string(']', 10_000);
        long start = TestLinks.Start.ToUnixTimeSeconds();

        return new TheoryData<string, string, LinkFailure>
        {
            { "Invalid_AlgNone", TokenForge.Unsigned(TokenForge.Header(alg: "none"), payload), LinkFailure.InvalidSignature },
            { "Invalid_AlgNoneWithSignature", TokenForge.Unsigned(TokenForge.Header(alg: "none"), payload) + goodParts[2], LinkFailure.InvalidSignature },
            { "Invalid_AlgSwappedToHS384SameKey", TokenForge.Sign(TokenForge.Header(alg: "HS384"), payload, alg: "HS384"), LinkFailure.InvalidSignature },
            { "Invalid_AlgSwappedToHS512SameKey", TokenForge.Sign(TokenForge.Header(alg: "HS512"), payload, alg: "HS512"), LinkFailure.InvalidSignature },
            { "Invalid_AlgRS256", TokenForge.Sign(TokenForge.Header(alg: "RS256"), payload), LinkFailure.InvalidSignature },
            { "Invalid_TypMissing", TokenForge.Sign(TokenForge.Header(typ: null), payload), LinkFailure.Malformed },
            { "Invalid_TypJwt", TokenForge.Sign(TokenForge.Header(typ: "JWT"), payload), LinkFailure.Malformed },
            { "Invalid_TypAccessToken", TokenForge.Sign(TokenForge.Header(typ: "at+jwt"), payload), LinkFailure.Malformed },
            { "Invalid_PayloadChangedUnderOldSignature", $"{goodParts[0]}.{TokenForge.Encode(TokenForge.Payload(sub: "admin"))}.{goodParts[2]}", LinkFailure.InvalidSignature },
            { "Invalid_SignatureRemoved", $"{goodParts[0]}.{goodParts[1]}.", LinkFailure.InvalidSignature },
            { "Invalid_SignedWithAnotherKey", TokenForge.Sign(header, payload, OtherSecret), LinkFailure.InvalidSignature },
            { "Invalid_UnknownKid", TokenForge.Sign(TokenForge.Header(kid: "k9"), payload), LinkFailure.UnknownKey },
            { "Invalid_PathLikeKid", TokenForge.Sign(TokenForge.Header(kid: "../../../etc/passwd"), payload), LinkFailure.UnknownKey },
            { "Invalid_KidMissing", TokenForge.Sign(TokenForge.Header(kid: null), payload), LinkFailure.Malformed },
            { "Invalid_NoIssuer", TokenForge.Sign(header, TokenForge.Payload(iss: null)), LinkFailure.Malformed },
            { "Invalid_NoAudience", TokenForge.Sign(header, TokenForge.Payload(aud: null)), LinkFailure.Malformed },
            { "Invalid_NoSubject", TokenForge.Sign(header, TokenForge.Payload(sub: null)), LinkFailure.Malformed },
            { "Invalid_NoPurpose", TokenForge.Sign(header, TokenForge.Payload(pur: null)), LinkFailure.Malformed },
            { "Invalid_NoTokenId", TokenForge.Sign(header, TokenForge.Payload(jti: null)), LinkFailure.Malformed },
            { "Invalid_NoExpiration", TokenForge.Sign(header, TokenForge.Payload(exp: long.MinValue)), LinkFailure.Malformed },
            { "Invalid_ExpirationNotANumber", TokenForge.Sign(header, payload.Replace($"\"exp\":{start + 3600}", "\"exp\":\"soon\"", StringComparison.Ordinal)), LinkFailure.Malformed },
            { "Invalid_WrongIssuer", TokenForge.Sign(header, TokenForge.Payload(iss: "https://evil.example")), LinkFailure.WrongIssuer },
            { "Invalid_WrongAudience", TokenForge.Sign(header, TokenForge.Payload(aud: "api")), LinkFailure.WrongAudience },
            { "Invalid_WrongPurpose", TokenForge.Sign(header, TokenForge.Payload(pur: TestLinks.Reset)), LinkFailure.WrongPurpose },
            { "Invalid_UnconfiguredPurpose", TokenForge.Sign(header, TokenForge.Payload(pur: "become-admin")), LinkFailure.WrongPurpose },
            { "Invalid_NotBeforeInFuture", TokenForge.Sign(header, TokenForge.Payload(nbf: start + 600)), LinkFailure.NotYetValid },
            { "Invalid_Expired", TokenForge.Sign(header, TokenForge.Payload(exp: start - 3600)), LinkFailure.Expired },
            { "Invalid_TwoSegments", $"{goodParts[0]}.{goodParts[1]}", LinkFailure.Malformed },
            { "Invalid_FourSegments", good + ".AAAA", LinkFailure.Malformed },
            { "Invalid_FiveSegmentsJwe", good + ".AAAA.AAAA", LinkFailure.Malformed },
            { "Invalid_Empty", string.Empty, LinkFailure.Malformed },
            { "Invalid_Whitespace", "   \t\n ", LinkFailure.Malformed },
            { "Invalid_OneMebibyte", new string('a', 1024 * 1024), LinkFailure.Malformed },
            { "Invalid_JustOverFourKibibytes", good + "." + new string('A', 4096 - good.Length), LinkFailure.Malformed },
            { "Invalid_DeeplyNestedHeader", TokenForge.Sign(nested, payload), LinkFailure.Malformed },
            { "Invalid_DeeplyNestedPayload", TokenForge.Sign(header, "{\"x\":" + nested + "}"), LinkFailure.Malformed },
            { "Invalid_NonJsonHeader", TokenForge.Sign("not json at all", payload), LinkFailure.Malformed },
            { "Invalid_NonJsonPayload", TokenForge.Sign(header, "<xml/>"), LinkFailure.Malformed },
            { "Invalid_JsonArrayPayload", TokenForge.Sign(header, "[1,2,3]"), LinkFailure.Malformed },
            { "Invalid_NotBase64Url", "###.$$$.%%%", LinkFailure.Malformed },
            { "Invalid_CritHeader", TokenForge.Sign("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"crit\":[\"exp\"]}", payload), LinkFailure.Malformed },
            { "Invalid_LoneSurrogateInHeaderName", TokenForge.Encode("{\"\\ud800\":0,\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}") + "." + goodParts[1] + "." + goodParts[2], LinkFailure.Malformed },
            { "Invalid_LoneSurrogateInClaimName", TokenForge.Sign(header, payload[..^1] + ",\"\\udc00\":\"x\"}"), LinkFailure.Malformed },
            { "Invalid_LoneSurrogateInSubject", TokenForge.Sign(header, TokenForge.Payload(sub: "\\ud800")), LinkFailure.Malformed },
            { "Invalid_PaddedPayload", PaddedPayload(), LinkFailure.Malformed },
            { "Invalid_PaddedSignature", good + "=", LinkFailure.Malformed },
            { "Invalid_StandardAlphabetSignature", StandardAlphabetSignature(), LinkFailure.Malformed },
            { "Invalid_NonZeroTrailingBitsInSignature", good[..^1] + FlipLowestBit(good[^1]), LinkFailure.Malformed },
            { "Invalid_NonZeroTrailingBitsInPayload", TrailingBitsInPayload(), LinkFailure.Malformed },
            { "Invalid_NonAsciiInSignature", good[..^1] + "é", LinkFailure.Malformed },
            { "Invalid_InvalidUtf8", TokenForge.Sign(header, payload).Replace(goodParts[1], "_-_-_-_-", StringComparison.Ordinal), LinkFailure.Malformed },
        };
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task RedeemAsync_Attack_IsRefusedWithItsFailure(string name, string token, LinkFailure expected)
    {
        var time = new FakeTimeProvider(TestLinks.Start);
        using ServiceProvider provider = TestLinks.CreateProvider(time, services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug)).AddFakeLogging());
        IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();

        LinkValidationResult validated = await links.ValidateAsync(token, TestLinks.Activate);
        LinkValidationResult redeemed = await links.RedeemAsync(token, TestLinks.Activate);

        validated.Failure.Should().Be(expected, name);
        redeemed.Failure.Should().Be(expected, name);
        redeemed.Succeeded.Should().BeFalse();
        FakeLogCollector logs = provider.GetFakeLogCollector();
        logs.GetSnapshot().Should().NotBeEmpty();
        if (token.Length > 0 && !string.IsNullOrWhiteSpace(token))
        {
            logs.GetSnapshot().Should().NotContain(r => r.Message.Contains(token, StringComparison.Ordinal) || ContainsTokenInState(r, token), name);
        }
    }

    [Fact]
    public async Task RedeemAsync_GoodForgedToken_IsAcceptedSoTheAttackRowsTestWhatTheyChange()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult result = await links.RedeemAsync(TokenForge.Sign(TokenForge.Header(), TokenForge.Payload()), TestLinks.Activate);

        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(LinkFailure.Malformed)]
    [InlineData(LinkFailure.InvalidSignature)]
    [InlineData(LinkFailure.UnknownKey)]
    public async Task FailureBeforeSignatureVerification_CarriesNoContent(LinkFailure failure)
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        string token = failure switch
        {
            LinkFailure.Malformed => "a.b",
            LinkFailure.UnknownKey => TokenForge.Sign(TokenForge.Header(kid: "k9"), TokenForge.Payload()),
            _ => TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(), TestLinks.OtherSecret),
        };

        LinkValidationResult result = await links.ValidateAsync(token, TestLinks.Activate);

        result.Failure.Should().Be(failure);
        result.Subject.Should().BeNull();
        result.TokenId.Should().BeNull();
        result.ExpiresAt.Should().BeNull();
        result.Data.Should().BeEmpty();
    }

    [Fact]
    public async Task FailureAfterSignatureVerification_CarriesTheVerifiedSubjectAndExpiry()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        string token = TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(pur: TestLinks.Reset));

        LinkValidationResult result = await links.ValidateAsync(token, TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.WrongPurpose);
        result.Subject.Should().Be("user-42");
        result.Purpose.Should().Be(TestLinks.Reset);
        result.TokenId.Should().Be("AAAAAAAAAAAAAAAAAAAAAA");
        result.ExpiresAt.Should().Be(TestLinks.Start.AddHours(1));
    }

    /// <summary>A good token whose signature has '-' or '_' spelled '+' or '/': a signature of some subject always does.</summary>
    private static string StandardAlphabetSignature()
    {
        for (int i = 0; ; i++)
        {
            string token = TokenForge.Sign(TokenForge.Header(), TokenForge.Payload(sub: "user-" + i));
            if (token.Split('.')[2].IndexOfAny(['-', '_']) >= 0)
            {
                return token[..(token.LastIndexOf('.') + 1)] + token.Split('.')[2].Replace('-', '+').Replace('_', '/');
            }
        }
    }

    /// <summary>A payload of 3n+1 or 3n+2 bytes with the base64 padding its length calls for, re-signed: only the padding differs.</summary>
    private static string PaddedPayload()
    {
        for (int i = 0; ; i++)
        {
            string encoded = TokenForge.Encode(TokenForge.Payload(sub: "user-" + i));
            if (encoded.Length % 4 != 0)
            {
                return Resign(encoded + new string('=', 4 - (encoded.Length % 4)));
            }
        }
    }

    /// <summary>A payload of 3n+1 or 3n+2 bytes whose last character sets a bit no byte uses, re-signed.</summary>
    private static string TrailingBitsInPayload()
    {
        for (int i = 0; ; i++)
        {
            string encoded = TokenForge.Encode(TokenForge.Payload(sub: "user-" + i));
            if (encoded.Length % 4 != 0)
            {
                return Resign(encoded[..^1] + FlipLowestBit(encoded[^1]));
            }
        }
    }

    /// <summary>The usual header, the payload segment as given, and the right signature over both.</summary>
    private static string Resign(string payloadSegment)
    {
        string signingInput = TokenForge.Encode(TokenForge.Header()) + "." + payloadSegment;
        byte[] signature = System.Security.Cryptography.HMACSHA256.HashData(Convert.FromBase64String(TestLinks.Secret), System.Text.Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature);
    }

    private static char FlipLowestBit(char last)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Alphabet[Alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];
    }

    private static bool ContainsTokenInState(FakeLogRecord record, string token) =>
        record.StructuredState?.Any(kv => kv.Value?.Contains(token, StringComparison.Ordinal) == true) == true
        || record.Exception?.ToString().Contains(token, StringComparison.Ordinal) == true;
}
