using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.Tokens;

/// <summary>The <c>stp</c> claim: a keyed hash binding a token to its subject's state, never the state itself.</summary>
internal static class StateHash
{
    private const int HashBytes = 16;

    /// <summary>One HMAC, on the key's kept instance, over <c>purpose \0 subject \0</c> then <c>N</c> or <c>S</c> + state, in UTF-8.</summary>
    public static string Compute(LinkSigningKey key, string purpose, string subject, string? state)
    {
        int maximum = Encoding.UTF8.GetMaxByteCount(purpose.Length + subject.Length + (state?.Length ?? 0) + 3);
        byte[]? rented = null;
        Span<byte> input = maximum <= 1024 ? stackalloc byte[maximum] : (rented = ArrayPool<byte>.Shared.Rent(maximum));
        try
        {
            int length = Encoding.UTF8.GetBytes(purpose, input);
            input[length++] = 0;
            length += Encoding.UTF8.GetBytes(subject, input[length..]);
            input[length++] = 0;

            // A leading marker tells "no such subject" (null) apart from an empty state.
            input[length++] = state is null ? (byte)'N' : (byte)'S';
            if (state is not null)
            {
                length += Encoding.UTF8.GetBytes(state, input[length..]);
            }

            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            key.StateHasher.Compute(input[..length], hash);
            Span<char> encoded = stackalloc char[CanonicalBase64Url.GetEncodedLength(HashBytes)];
            int written = CanonicalBase64Url.Encode(hash[..HashBytes], encoded);
            return new string(encoded[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                // The state may be a security stamp: leave none of it in a shared pool.
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Compares in constant time; a token without <c>stp</c> never matches.</summary>
    public static bool Matches(string? expected, string actual) =>
        expected is not null
        && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(actual.AsSpan()));
}
