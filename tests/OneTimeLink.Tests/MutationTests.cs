using Microsoft.Extensions.Time.Testing;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

public sealed class MutationTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\\0é";

    [Fact]
    public async Task RedeemAsync_ThousandsOfMutationsOfARedeemedToken_NeverRedeemAndNeverThrow()
    {
        var time = new FakeTimeProvider(TestLinks.Start);
        IOneTimeLinkService links = TestLinks.CreateService(time);
        IssuedLink issued = await links.IssueAsync(TestLinks.Activate, "user-42", new LinkIssueOptions { Data = new Dictionary<string, string> { ["email"] = "ann@example.com" } });
        (await links.RedeemAsync(issued.Token, TestLinks.Activate)).Succeeded.Should().BeTrue();
        var random = new Random(20261129);
        var failures = new HashSet<LinkFailure>();

        for (int i = 0; i < 5_000; i++)
        {
            string mutant = Mutate(issued.Token, random);
            LinkValidationResult result = await links.RedeemAsync(mutant, TestLinks.Activate);

            result.Succeeded.Should().BeFalse($"mutant {i} ({mutant}) must not redeem");
            failures.Add(result.Failure);
        }

        failures.Should().Contain([LinkFailure.Malformed, LinkFailure.InvalidSignature, LinkFailure.AlreadyRedeemed]);
    }

    private static string Mutate(string token, Random random)
    {
        char[] chars = token.ToCharArray();
        switch (random.Next(5))
        {
            case 0:
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                return new string(chars);
            case 1:
                int count = random.Next(2, 12);
                for (int i = 0; i < count; i++)
                {
                    chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                }

                return new string(chars);
            case 2:
                return token.Remove(random.Next(token.Length), 1);
            case 3:
                return token.Insert(random.Next(token.Length + 1), Alphabet[random.Next(Alphabet.Length)].ToString());
            default:
                // Flip the case of one letter: base64url is case-sensitive, and a trailing-bit change is the classic near-miss.
                int at = random.Next(chars.Length);
                chars[at] = char.IsUpper(chars[at]) ? char.ToLowerInvariant(chars[at]) : char.ToUpperInvariant(chars[at]);
                return new string(chars);
        }
    }
}
