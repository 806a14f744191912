using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// The code form of a sign-in credential: 8 characters from a CSPRNG over an alphabet without look-alikes (no 0/O, 1/I/L),
/// about 39.6 bits; with five attempts a guess succeeds about once in 10^11. Read case-insensitively, ignoring spaces
/// and dashes people type. Kept only as a keyed hash, compared in constant time.
/// </summary>
internal static class SignInCode
{
    public const int Length = 8;

    /// <summary>The longest input read as a code: the 8 characters with room for spaces or dashes between them.</summary>
    public const int MaxInputLength = 32;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as typed, upper-cased without separators; null when it cannot be a code at all.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxInputLength)
        {
            return null;
        }

        var code = new StringBuilder(Length);
        foreach (char c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            char upper = char.ToUpperInvariant(c);
            if (code.Length == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            code.Append(upper);
        }

        return code.Length == Length ? code.ToString() : null;
    }

    public static byte[] Hash(byte[] key, string code) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(code));

    public static bool Matches(byte[] key, string code, ReadOnlySpan<byte> expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key, code), expectedHash);
}
