using System.Buffers;
using System.Buffers.Text;

namespace OneTimeLink.Tokens;

/// <summary>
/// Base64url as the token format writes it, on every target the same code: <see cref="Base64Url"/> (from
/// Microsoft.Bcl.Memory on .NET 8). Decoding accepts the canonical form only: the URL-safe alphabet, no padding, no
/// whitespace, and zero unused bits in the last character, so every byte string has exactly one accepted spelling.
/// </summary>
internal static class CanonicalBase64Url
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SearchValues<byte> s_alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    public static int GetEncodedLength(int byteCount) => Base64Url.GetEncodedLength(byteCount);

    /// <summary>Encodes <paramref name="bytes"/> into <paramref name="destination"/>, which must be large enough.</summary>
    public static int Encode(ReadOnlySpan<byte> bytes, Span<char> destination) => Base64Url.EncodeToChars(bytes, destination);

    /// <summary>Gets the number of bytes <paramref name="encoded"/> decodes to, or -1 when no canonical text has its length.</summary>
    public static int GetDecodedLength(ReadOnlySpan<byte> encoded)
    {
        int remainder = encoded.Length % 4;
        return remainder == 1 ? -1 : ((encoded.Length / 4) * 3) + (remainder == 0 ? 0 : remainder - 1);
    }

    /// <summary>
    /// Decodes canonical base64url, as ASCII bytes, into <paramref name="destination"/>, sized by <see cref="GetDecodedLength"/>.
    /// Never throws. Bytes, not characters: on .NET 8 the package's decoder of characters allocates on every call.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        int length = GetDecodedLength(encoded);
        return length == destination.Length
            && IsCanonical(encoded)
            && Base64Url.DecodeFromUtf8(encoded, destination, out _, out int written) == OperationStatus.Done
            && written == length;
    }

    /// <summary>Gets whether <paramref name="encoded"/> is the one canonical spelling of some bytes.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> encoded)
    {
        if (GetDecodedLength(encoded) < 0 || encoded.ContainsAnyExcept(s_alphabet))
        {
            return false;
        }

        // The last character of a 2- or 3-character group carries 4 or 2 bits the bytes do not use; another spelling of
        // the same bytes sets them, so they must be zero.
        int unusedBits = (encoded.Length % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        return unusedBits == 0 || (Alphabet.IndexOf((char)encoded[^1], StringComparison.Ordinal) & unusedBits) == 0;
    }
}
