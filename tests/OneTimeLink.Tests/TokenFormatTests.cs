using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;
using OneTimeLink.Tests.Reference;

namespace OneTimeLink.Tests;

/// <summary>What the writer writes, and what the reader accepts of it: exactly that, in any spelling JSON allows for the same text.</summary>
public sealed class TokenFormatTests
{
    private static readonly Dictionary<string, string> s_data = new() { ["locale"] = "fr-CH", ["name"] = "Jérôme <J>" };

    [Fact]
    public async Task IssueAsync_WritesTheDesignHeaderAndCompactJson()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "ann+tag@example.com", new LinkIssueOptions { Data = s_data });

        string[] parts = issued.Token.Split('.');
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])).Should().Be("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}");
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Should().Be(
            "{\"iss\":\"https://links.example\",\"aud\":\"example-links\",\"sub\":\"ann+tag@example.com\",\"pur\":\"activate-account\"," +
            $"\"jti\":\"{issued.TokenId}\",\"iat\":1795953600,\"exp\":1795960800,\"locale\":\"fr-CH\",\"name\":\"Jérôme <J>\"}}");
        issued.Token.Should().NotContain("=").And.NotContain("+").And.NotContain("/");
    }

    [Theory]
    [InlineData("DuplicateSubject", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"sub\":\"admin\"")]
    [InlineData("DuplicateEscapedExpiry", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"\\u0065xp\":9999999999")]
    [InlineData("DuplicateCustomClaim", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"n\":\"a\",\"n\":\"b\"")]
    [InlineData("DuplicateEscapedCustomClaim", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", ",\"n\":\"a\",\"\\u006e\":\"b\"")]
    [InlineData("DuplicateTyp", "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", "")]
    [InlineData("DuplicateKid", "{\"alg\":\"HS256\",\"kid\":\"k9\",\"typ\":\"otl+jwt\",\"kid\":\"k1\"}", "")]
    [InlineData("DuplicateEscapedAlg", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"\\u0061lg\":\"HS256\"}", "")]
    public async Task Validate_NameGivenTwiceAfterUnescaping_IsMalformed_EvenWhenSigned(string name, string header, string extraClaims)
    {
        string payload = TokenForge.Payload()[..^1] + extraClaims + "}";
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult result = await links.ValidateAsync(TokenForge.Sign(header, payload), TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.Malformed, name);
    }

    [Theory]
    [InlineData("EscapedNames", "{\"\\u0061lg\":\"HS256\",\"k\\u0069d\":\"k1\",\"typ\":\"otl+jwt\"}", "{\"\\u0069ss\":\"https:\\/\\/links.example\",\"aud\":\"example-links\",\"sub\":\"user-\\u0034\\u0032\",\"pur\":\"activate-account\",\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"iat\":1795953600,\"exp\":1795957200}")]
    [InlineData("OtherMemberOrder", "{\"typ\":\"otl+jwt\",\"kid\":\"k1\",\"alg\":\"HS256\"}", "{\"exp\":1795957200,\"iat\":1795953600,\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"pur\":\"activate-account\",\"sub\":\"user-42\",\"aud\":\"example-links\",\"iss\":\"https://links.example\"}")]
    [InlineData("EscapedTyp", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl\\u002bjwt\"}", "{\"iss\":\"https://links.example\",\"aud\":\"example-links\",\"sub\":\"user-42\",\"pur\":\"activate-account\",\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"iat\":1795953600,\"exp\":1795957200}")]
    public async Task Validate_SameTextInAnotherJsonSpelling_IsAccepted(string name, string header, string payload)
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult result = await links.ValidateAsync(TokenForge.Sign(header, payload), TestLinks.Activate);

        result.Failure.Should().Be(LinkFailure.None, name);
        result.Subject.Should().Be("user-42");
    }

    [Fact]
    public async Task Validate_EscapedLoneSurrogateInAHeaderName_IsMalformed_WhereTheReaderThrew()
    {
        // The issue's example: no key is needed, and Utf8JsonReader.ValueTextEquals threw InvalidOperationException for it.
        string token = TokenForge.Encode("{\"\\ud800\":0,\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}") + "." + TokenForge.Encode(TokenForge.Payload()) + ".AAAA";
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        LinkValidationResult validated = await links.ValidateAsync(token, TestLinks.Activate);
        LinkValidationResult redeemed = await links.RedeemAsync(token, TestLinks.Activate);

        validated.Failure.Should().Be(LinkFailure.Malformed);
        redeemed.Failure.Should().Be(LinkFailure.Malformed);
    }

    [Fact]
    public async Task Validate_CustomClaims_ComeBackAsIssued_EvenWhenTheyLookLikeDates()
    {
        // JsonWebToken turned such strings into DateTime claims, so they vanished from its claims; the library keeps them.
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var data = new Dictionary<string, string> { ["since"] = "2026-11-29T12:00:00.0000000Z", ["😀 \"name\""] = "\u0001\ud83d\ude00" };
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = data });

        LinkValidationResult result = await links.ValidateAsync(issued.Token, TestLinks.Activate);

        result.Data.Should().Equal(data);
    }

    [Fact]
    public async Task IssueAndValidate_FromManyThreadsAtOnce_EveryTokenValidatesAndEveryIdIsUnique()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        int failures = 0;

        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-" + i, cancellationToken: cancellationToken);
            LinkValidationResult result = await links.ValidateAsync(issued.Token, TestLinks.Activate, cancellationToken);
            if (!ids.TryAdd(issued.TokenId, 0) || !result.Succeeded || result.Subject != "user-" + i)
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
        ids.Keys.Should().OnlyContain(id => id.Length == 22 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
    }

    [Fact]
    public async Task Validate_TokenSignedByAnotherKeyOfTheSet_ValidatesWithThatKey()
    {
        var time = new FakeTimeProvider(TestLinks.Start);
        IOneTimeLinkService both = TestLinks.CreateService(time, o => o.Keys.Insert(0, new SigningKeyOptions { Id = "k2", Algorithm = "HS512", Secret = DifferentialCorpus.Secrets[2] }));
        IssuedLink issued = await both.IssueAsync(TestLinks.Activate, "user-42");

        LinkValidationResult withBoth = await both.ValidateAsync(issued.Token, TestLinks.Activate);
        LinkValidationResult withK1Only = await TestLinks.CreateService(time).ValidateAsync(issued.Token, TestLinks.Activate);

        withBoth.Failure.Should().Be(LinkFailure.None);
        withK1Only.Failure.Should().Be(LinkFailure.UnknownKey);
        issued.Token.Split('.')[2].Length.Should().Be(86, "an HS512 signature is 64 bytes");
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
        await AssertAllocatesNothingAsync(token);
    }

#if DEBUG
    [Fact(Skip = "Debug builds make async state machines classes, so every call allocates; CI runs this in Release.")]
#elif !NET9_0_OR_GREATER
    [Fact(Skip = "On .NET 8, Microsoft.Bcl.Memory's Base64Url decoder allocates 192 bytes per call for 32 characters or more.")]
#else
    [Fact]
#endif
    public async Task ValidateAsync_LinkTokenHeaderRefusedAtThePayload_WithNobodyListening_AllocatesNothing()
    {
        await AssertAllocatesNothingAsync("eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoib3RsK2p3dCJ9.e30.c2ln");
    }

    private static async Task AssertAllocatesNothingAsync(string token)
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
}
