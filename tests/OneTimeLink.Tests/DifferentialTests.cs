using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;
using OneTimeLink.Tests.Reference;
using Xunit.Abstractions;

namespace OneTimeLink.Tests;

/// <summary>
/// The library against <see cref="ReferenceLinkTokenVerifier"/> (JsonWebTokenHandler), one way: whatever the handler
/// rejects, the library rejects; whatever the library issues, the handler validates. The library may be stricter, and
/// each place where it is has a named row below.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WhateverJsonWebTokenHandlerRejects_IsRejected_On100000Tokens()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start), DifferentialCorpus.UseCorpusKeys);
        var reference = new ReferenceLinkTokenVerifier(CorpusOptions(), TestLinks.Start);
        var corpus = new DifferentialCorpus(seed: 20261129);
        var verdicts = new Dictionary<LinkFailure, int>();
        var mismatches = new List<string>();
        int referenceAccepted = 0;
        var stopwatch = Stopwatch.StartNew();

        foreach (string token in corpus.Tokens(100_000))
        {
            LinkValidationResult ours;
            try
            {
                ours = await links.ValidateAsync(token, TestLinks.Activate);
            }
            catch (Exception ex)
            {
                mismatches.Add($"threw {ex.GetType().Name} for {token}");
                continue;
            }

            ReferenceContent? theirs = await reference.ValidateAsync(token);
            verdicts[ours.Failure] = verdicts.GetValueOrDefault(ours.Failure) + 1;
            referenceAccepted += theirs is null ? 0 : 1;
            if (ours.Succeeded && Compare(theirs, ours) is { } difference)
            {
                mismatches.Add($"{difference} for {token}");
            }
        }

        output.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F1} s; JsonWebTokenHandler accepted {referenceAccepted}; ours: {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"))}");
        mismatches.Should().BeEmpty("the library must reject whatever JsonWebTokenHandler rejects:\n" + string.Join("\n", mismatches.Take(20)));
        verdicts.Keys.Should().Contain(
            [LinkFailure.None, LinkFailure.Malformed, LinkFailure.UnknownKey, LinkFailure.InvalidSignature, LinkFailure.WrongIssuer,
             LinkFailure.WrongAudience, LinkFailure.WrongPurpose, LinkFailure.Expired, LinkFailure.NotYetValid],
            "the corpus must reach every verdict a token can get without state or a store");
        verdicts[LinkFailure.None].Should().BeGreaterThan(2_000);
    }

    [Fact]
    public async Task EveryTokenWeIssue_ValidatesInJsonWebTokenHandler_WithTheSameClaims()
    {
        var time = new FakeTimeProvider(TestLinks.Start);
        IOneTimeLinkService links = TestLinks.CreateService(time);
        var options = new OneTimeLinkOptions();
        TestLinks.Configure(options);
        var reference = new ReferenceLinkTokenVerifier(options, TestLinks.Start);
        var random = new Random(20261202);
        string[] texts = ["user-42", "jérôme", "ann+tag@example.com", "quote\"back\\slash", "😀 emoji", "<script>&amp;", "new\nline\ttab", "\u2028\u00a0", "€"];

        for (int i = 0; i < 2_000; i++)
        {
            var data = new Dictionary<string, string>();
            for (int n = random.Next(3); n > 0; n--)
            {
                data[texts[random.Next(texts.Length)] + n] = texts[random.Next(texts.Length)];
            }

            IssuedLink issued = await links.IssueAsync(i % 2 == 0 ? TestLinks.Activate : TestLinks.Reset, texts[random.Next(texts.Length)] + i, new LinkIssueOptions { Data = data });
            ReferenceContent? theirs = await reference.ValidateAsync(issued.Token);

            theirs.Should().NotBeNull($"JsonWebTokenHandler must validate {issued.Token}");
            theirs!.Subject.Should().Be(issued.Subject);
            theirs.Purpose.Should().Be(issued.Purpose);
            theirs.TokenId.Should().Be(issued.TokenId);
            theirs.IssuedAt.Should().Be(issued.IssuedAt);
            theirs.ExpiresAt.Should().Be(issued.ExpiresAt);
            theirs.Data.Should().Equal(data);
        }
    }

    /// <summary>Tokens JsonWebTokenHandler accepts and the library refuses, on purpose: it reads its own format only.</summary>
    public static TheoryData<string, string, LinkFailure> Stricter()
    {
        long start = TestLinks.Start.ToUnixTimeSeconds();
        string header = TokenForge.Header();
        string payload = TokenForge.Payload();
        string Claims(string replace, string with) => payload.Replace(replace, with, StringComparison.Ordinal);

        return new TheoryData<string, string, LinkFailure>
        {
            { "CritHeader", TokenForge.Sign("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"crit\":[\"exp\"]}", payload), LinkFailure.Malformed },
            { "UnknownHeaderParameter", TokenForge.Sign("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"cty\":\"x\"}", payload), LinkFailure.Malformed },
            { "HeaderWithoutKid", TokenForge.Sign(TokenForge.Header(kid: null), payload), LinkFailure.Malformed },
            { "DuplicateClaim", TokenForge.Sign(header, payload[..^1] + ",\"sub\":\"admin\"}"), LinkFailure.Malformed },
            { "NumericSubject", TokenForge.Sign(header, Claims("\"sub\":\"user-42\"", "\"sub\":42")), LinkFailure.Malformed },
            { "ExpiryAsString", TokenForge.Sign(header, Claims($"\"exp\":{start + 3600}", $"\"exp\":\"{start + 3600}\"")), LinkFailure.Malformed },
            { "ExpiryWithFraction", TokenForge.Sign(header, Claims($"\"exp\":{start + 3600}", $"\"exp\":{start + 3600}.5")), LinkFailure.Malformed },
            { "AudienceArray", TokenForge.Sign(header, Claims("\"aud\":\"example-links\"", "\"aud\":[\"example-links\"]")), LinkFailure.Malformed },
            { "AudienceWithTrailingSlash", TokenForge.Sign(header, TokenForge.Payload(aud: TestLinks.Audience + "/")), LinkFailure.WrongAudience },
            { "CustomClaimArray", TokenForge.Sign(header, payload[..^1] + ",\"n\":[\"a\",\"b\"]}"), LinkFailure.Malformed },
            { "CustomClaimNumber", TokenForge.Sign(header, payload[..^1] + ",\"n\":1}"), LinkFailure.Malformed },
            { "NoIssuedAt", TokenForge.Sign(header, Claims($"\"iat\":{start},", string.Empty)), LinkFailure.Malformed },
            { "NoPurpose", TokenForge.Sign(header, TokenForge.Payload(pur: null)), LinkFailure.Malformed },
            { "NoTokenId", TokenForge.Sign(header, TokenForge.Payload(jti: null)), LinkFailure.Malformed },
            { "IssuedInTheFuture", TokenForge.Sign(header, TokenForge.Payload(iat: start + 600, exp: start + 3600)), LinkFailure.NotYetValid },
            { "ExpiryBeyondThePurposesLifetime", TokenForge.Sign(header, TokenForge.Payload(iat: start - (3 * 3600), exp: start + 3600)), LinkFailure.Expired },
            { "WhitespaceAroundPayloadJson", TokenForge.Sign(header, " " + payload + "\n"), LinkFailure.Malformed },
            { "TrailingDataAfterPayloadJson", TokenForge.Sign(header, payload + "x"), LinkFailure.Malformed },
            { "StandardAlphabetInPayload", StandardAlphabetPayload(), LinkFailure.Malformed },
        };
    }

    [Theory]
    [MemberData(nameof(Stricter))]
    public async Task Stricter_JsonWebTokenHandlerAccepts_TheLibraryRefuses(string name, string token, LinkFailure expected)
    {
        var options = new OneTimeLinkOptions();
        TestLinks.Configure(options);
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));

        ReferenceContent? theirs = await new ReferenceLinkTokenVerifier(options, TestLinks.Start).ValidateAsync(token);
        LinkValidationResult ours = await links.ValidateAsync(token, TestLinks.Activate);

        theirs.Should().NotBeNull($"{name} is a row of what JsonWebTokenHandler accepts");
        ours.Failure.Should().Be(expected, name);
    }

    private static OneTimeLinkOptions CorpusOptions()
    {
        var options = new OneTimeLinkOptions();
        TestLinks.Configure(options);
        DifferentialCorpus.UseCorpusKeys(options);
        return options;
    }

    private static string? Compare(ReferenceContent? theirs, LinkValidationResult ours)
    {
        if (theirs is null)
        {
            return "accepted what JsonWebTokenHandler rejects";
        }

        bool same = theirs.Subject == ours.Subject
            && theirs.TokenId == ours.TokenId
            && theirs.ExpiresAt.ToUnixTimeSeconds() == ours.ExpiresAt?.ToUnixTimeSeconds()
            && theirs.Data.All(d => ours.Data.TryGetValue(d.Key, out string? value) && value == d.Value);
        return same ? null : $"claims differ: JsonWebTokenHandler {theirs} [{string.Join(";", theirs.Data)}], ours {ours.Subject} {ours.TokenId} {ours.ExpiresAt} [{string.Join(";", ours.Data)}]";
    }

    /// <summary>A payload whose base64url has '-' or '_' (from a subject with '~' and '?'), spelled with '+' and '/' instead, and signed as spelled.</summary>
    private static string StandardAlphabetPayload()
    {
        for (int i = 0; ; i++)
        {
            string encoded = TokenForge.Encode(TokenForge.Payload(sub: "user~?" + i));
            if (encoded.Contains('-', StringComparison.Ordinal) || encoded.Contains('_', StringComparison.Ordinal))
            {
                string signingInput = TokenForge.Encode(TokenForge.Header()) + "." + encoded.Replace('-', '+').Replace('_', '/');
                byte[] signature = HMACSHA256.HashData(Convert.FromBase64String(TestLinks.Secret), Encoding.ASCII.GetBytes(signingInput));
                return signingInput + "." + Base64UrlEncoder.Encode(signature);
            }
        }
    }
}
