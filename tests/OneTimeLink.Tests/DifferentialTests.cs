using System.Diagnostics;
using OneTimeLink.Tests.Infrastructure;
using OneTimeLink.Tests.Reference;
using OneTimeLink.Tokens;
using Xunit.Abstractions;

namespace OneTimeLink.Tests;

/// <summary>
/// The hot path against the reference (<see cref="ReferenceLinkTokenVerifier"/>, on JsonWebTokenHandler): the same
/// verdict for every token, and the same content for every verified one.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HotPath_AgreesWithJsonWebTokenHandler_On100000Tokens()
    {
        OneTimeLinkOptions options = DifferentialCorpus.VerifierOptions();
        var hotPath = new LinkTokenHandler(new SigningKeySet(options), TestLinks.Issuer, TestLinks.Audience, [TestLinks.Activate, TestLinks.Reset]);
        var reference = new ReferenceLinkTokenVerifier(options);
        var corpus = new DifferentialCorpus(seed: 20261129);
        var verdicts = new Dictionary<LinkFailure, int>();
        var mismatches = new List<string>();
        var stopwatch = Stopwatch.StartNew();

        foreach (string token in corpus.Tokens(100_000))
        {
            LinkTokenVerification actual;
            try
            {
                actual = hotPath.Verify(token);
            }
            catch (Exception ex)
            {
                mismatches.Add($"hot path threw {ex.GetType().Name} for {token}");
                continue;
            }

            ReferenceVerdict expected;
            try
            {
                expected = await reference.VerifyAsync(token);
            }
            catch (Exception ex)
            {
                mismatches.Add($"reference threw {ex.GetType().Name} ({ex.Message}) for {token}");
                continue;
            }

            verdicts[expected.Failure] = verdicts.GetValueOrDefault(expected.Failure) + 1;
            string? difference = Compare(expected, actual);
            if (difference is not null)
            {
                mismatches.Add($"{difference} for {token}");
            }
        }

        output.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F1} s; reference verdicts: {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"))}");
        mismatches.Should().BeEmpty("the hot path must decide as JsonWebTokenHandler does:\n" + string.Join("\n", mismatches.Take(20)));
        verdicts.Keys.Should().Contain(
            [LinkFailure.None, LinkFailure.Malformed, LinkFailure.UnknownKey, LinkFailure.InvalidSignature, LinkFailure.WrongIssuer, LinkFailure.WrongAudience],
            "the corpus must reach every verdict the token format has");
        verdicts[LinkFailure.None].Should().BeGreaterThan(10_000);
    }

    private static string? Compare(ReferenceVerdict expected, LinkTokenVerification actual)
    {
        if (expected.Failure != actual.Failure)
        {
            return $"reference {expected.Failure}, hot path {actual.Failure}";
        }

        if (expected.Content is not { } e)
        {
            return actual.Content is null ? null : "hot path returned content for a failure";
        }

        LinkTokenContent? a = actual.Content;
        if (a is null || actual.Key is null)
        {
            return "hot path returned no content";
        }

        bool same = e.Subject == a.Subject
            && e.Purpose == a.Purpose
            && e.TokenId == a.TokenId
            && e.IssuedAt == a.IssuedAt
            && e.ExpiresAt == a.ExpiresAt
            && e.NotBefore == a.NotBefore
            && e.StateHash == a.StateHash
            && expected.KeyId == actual.Key.Id
            && e.Data.Count == a.Data.Count
            && e.Data.All(d => a.Data.TryGetValue(d.Key, out string? value) && value == d.Value);
        return same ? null : $"content differs: reference {e} key {expected.KeyId}, hot path {a} key {actual.Key.Id} data [{string.Join(";", a.Data)}] vs [{string.Join(";", e.Data)}]";
    }
}
