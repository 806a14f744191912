using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;
using OneTimeLink.Tests.Reference;
using OneTimeLink.Tokens;

namespace OneTimeLink.Tests;

/// <summary>The hot path's own guarantees, and where it deliberately decides differently from the reference.</summary>
public sealed class HotPathTests
{
    private static readonly LinkTokenContent s_content = new(
        "ann+tag@example.com", TestLinks.Activate, "AAAAAAAAAAAAAAAAAAAAAA", TestLinks.Start, TestLinks.Start.AddHours(2), null, null,
        new Dictionary<string, string> { ["locale"] = "fr-CH", ["name"] = "Jérôme <J>" });

    [Fact]
    public void Create_WritesTheDesignHeaderAndCompactJson_NoLongerThanJsonWebTokenHandlerDid()
    {
        string token = CreateHandler().Create(s_content);
        string reference = new ReferenceLinkTokenWriter("k1", "HS256", TestLinks.Secret, TestLinks.Issuer, TestLinks.Audience)
            .Create(new ReferenceContent(s_content.Subject, s_content.Purpose, s_content.TokenId, s_content.IssuedAt, s_content.ExpiresAt, null, null, s_content.Data));

        string[] parts = token.Split('.');
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])).Should().Be("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}");
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Should().Be(
            "{\"iss\":\"https://links.example\",\"aud\":\"example-links\",\"sub\":\"ann+tag@example.com\",\"pur\":\"activate-account\"," +
            "\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"iat\":1795953600,\"exp\":1795960800,\"locale\":\"fr-CH\",\"name\":\"Jérôme <J>\"}");
        token.Should().NotContain("=").And.NotContain("+").And.NotContain("/");
        token.Length.Should().BeLessThanOrEqualTo(reference.Length);
    }

    [Theory]
    [InlineData("DuplicateSubject", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"sub\":\"admin\"")]
    [InlineData("DuplicateEscapedExpiry", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"\\u0065xp\":9999999999")]
    [InlineData("DuplicateCustomClaim", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"n\":\"a\",\"n\":\"b\"")]
    [InlineData("DuplicateTyp", "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", "")]
    [InlineData("DuplicateKid", "{\"alg\":\"HS256\",\"kid\":\"k9\",\"typ\":\"otl+jwt\",\"kid\":\"k1\"}", "")]
    public async Task Validate_ClaimNamedTwice_IsMalformed_EvenWhenSigned(string name, string header, string extraClaims)
    {
        string payload = TokenForge.Payload()[..^1] + extraClaims + "}";
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult result = await links.ValidateAsync(TokenForge.Sign(header, payload), TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.Malformed, name);
    }

    [Fact]
    public async Task Validate_InvalidTextInsideANestedClaim_IsMalformed_WhereJsonWebTokenHandlerThrew()
    {
        byte[] payload = [.. Encoding.UTF8.GetBytes(TokenForge.Payload()[..^1] + ",\"n\":[\""), 0xC3, 0x28, .. "\"]}"u8];
        string signingInput = TokenForge.Encode(TokenForge.Header()) + "." + Base64UrlEncoder.Encode(payload);
        string token = signingInput + "." + Base64UrlEncoder.Encode(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(TestLinks.Secret), Encoding.ASCII.GetBytes(signingInput)));
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult result = await links.ValidateAsync(token, TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.Malformed);
    }

    [Fact]
    public async Task Validate_CustomClaimThatLooksLikeADate_ComesBackAsIssued()
    {
        // JsonWebToken turned such strings into DateTime claims, so they vanished from Data; the hot path keeps them.
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var data = new Dictionary<string, string> { ["since"] = "2026-11-29T12:00:00.0000000Z" };
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = data });

        LinkValidationResult result = await links.ValidateAsync(issued.Token, TestLinks.Activate);

        result.Data.Should().Equal(data);
    }

    [Fact]
    public async Task IssueAndVerify_FromManyThreadsAtOnce_EveryTokenVerifiesAndEveryIdIsUnique()
    {
        LinkTokenHandler handler = CreateHandler();
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        int failures = 0;

        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            string id = TokenIdGenerator.Next();
            string token = handler.Create(s_content with { Subject = "user-" + i, TokenId = id });
            LinkTokenVerification verified = handler.Verify(token);
            if (!ids.TryAdd(id, 0) || verified.Failure != LinkFailure.None || verified.Content!.Subject != "user-" + i)
            {
                Interlocked.Increment(ref failures);
            }

            return ValueTask.CompletedTask;
        });

        failures.Should().Be(0);
        ids.Keys.Should().OnlyContain(id => id.Length == 22 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
    }

    [Fact]
    public void Verify_TokenSignedByAnotherKeyOfTheSet_VerifiesWithThatKey()
    {
        var options = new OneTimeLinkOptions { Issuer = TestLinks.Issuer, Audience = TestLinks.Audience };
        options.Keys.Add(new SigningKeyOptions { Id = "k2", Algorithm = "HS512", Secret = DifferentialCorpus.Secrets[2] });
        options.Keys.Add(new SigningKeyOptions { Id = "k1", Algorithm = "HS256", Secret = TestLinks.Secret });
        string token = new LinkTokenHandler(new SigningKeySet(options), TestLinks.Issuer, TestLinks.Audience).Create(s_content);

        LinkTokenVerification verified = CreateHandler().Verify(token);
        LinkTokenVerification withBoth = new LinkTokenHandler(new SigningKeySet(options), TestLinks.Issuer, TestLinks.Audience).Verify(token);

        verified.Failure.Should().Be(LinkFailure.UnknownKey);
        withBoth.Failure.Should().Be(LinkFailure.None);
        withBoth.Key!.Id.Should().Be("k2");
        token.Split('.')[2].Length.Should().Be(86, "an HS512 signature is 64 bytes");
    }

#if DEBUG
    [Theory(Skip = "Debug builds make async state machines classes, so every call allocates; CI runs this in Release.")]
#else
    [Theory]
#endif
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")]
    public async Task ValidateAsync_RefusedBeforeTheSignature_WithNobodyListening_AllocatesNothing(string token)
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        string oversize = new('a', 5000);
        for (int i = 0; i < 100; i++)
        {
            await links.ValidateAsync(token, TestLinks.Activate);
            await links.ValidateAsync(oversize, TestLinks.Activate);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            await links.ValidateAsync(token, TestLinks.Activate);
            await links.ValidateAsync(oversize, TestLinks.Activate);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, "logging, metrics and tracing must cost nothing when disabled");
    }

    private static LinkTokenHandler CreateHandler()
    {
        var options = new OneTimeLinkOptions { Issuer = TestLinks.Issuer, Audience = TestLinks.Audience };
        TestLinks.Configure(options);
        return new LinkTokenHandler(new SigningKeySet(options), TestLinks.Issuer, TestLinks.Audience);
    }
}
