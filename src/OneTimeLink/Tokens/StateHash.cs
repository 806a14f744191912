using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeLink.Tokens;

/// <summary>The <c>stp</c> claim: a keyed hash binding a token to its subject's state, never the state itself.</summary>
internal static class StateHash
{
    private const int HashBytes = 16;

    public static string Compute(LinkSigningKey key, string purpose, string subject, string? state)
    {
        // A leading marker tells "no such subject" (null) apart from an empty state.
        string input = state is null ? $"{purpose}\0{subject}\0N" : $"{purpose}\0{subject}\0S{state}";
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.StateKey, Encoding.UTF8.GetBytes(input), hash);
        return Base64UrlEncoder.Encode(hash[..HashBytes].ToArray());
    }

    public static bool Matches(string? expected, string actual) =>
        expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
