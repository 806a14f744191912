#if NET9_0_OR_GREATER
using System.Buffers;
using System.Buffers.Text;
#else
using Microsoft.IdentityModel.Tokens;
#endif

namespace OneTimeLink.Tokens;

/// <summary>
/// Base64url on spans, without padding. Decoding accepts exactly what IdentityModel's <c>JsonWebToken</c> accepts on the
/// same target framework, so the hot path and the reference implementation agree on which inputs are malformed: on
/// .NET 9 and later strict base64url (canonical final bits, whitespace ignored) and, for the header and payload only,
/// standard base64 when the segment's length is a multiple of four.
/// </summary>
internal static class Base64UrlCodec
{
    public static int GetEncodedLength(int byteCount) => ((byteCount * 4) + 2) / 3;

    /// <summary>Encodes <paramref name="bytes"/> into <paramref name="destination"/>, which must be large enough.</summary>
    public static int Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
#if NET9_0_OR_GREATER
        return Base64Url.EncodeToChars(bytes, destination);
#else
        return Base64UrlEncoder.Encode(bytes, destination);
#endif
    }

    /// <summary>
    /// The size IdentityModel allots for the decoded bytes (its <c>ValidateAndGetOutputSize</c>): it counts every character
    /// except up to two trailing '=', and a length of 4n+1 can never be base64. Returns -1 for that case.
    /// </summary>
    public static int GetDecodedLength(ReadOnlySpan<char> encoded)
    {
        if (encoded.Length % 4 == 1)
        {
            return -1;
        }

        int length = encoded.Length;
        for (int i = 0; i < 2 && length > 0 && encoded[length - 1] == '='; i++)
        {
            length--;
        }

        int remainder = length % 4;
        return ((length / 4) * 3) + (remainder > 0 ? remainder - 1 : 0);
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/>, sized by <see cref="GetDecodedLength"/>. Bytes the decoder does not
    /// write (when the input holds whitespace) are zero. Never throws on bad input.
    /// </summary>
    /// <param name="encoded">The base64url text.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="allowStandardAlphabet">Whether to fall back to standard base64, as IdentityModel does for a header or payload.</param>
    public static bool TryDecode(ReadOnlySpan<char> encoded, Span<byte> destination, bool allowStandardAlphabet)
    {
        destination.Clear();
#if NET9_0_OR_GREATER
        if (Base64Url.DecodeFromChars(encoded, destination, out _, out _) == OperationStatus.Done)
        {
            return true;
        }

        return allowStandardAlphabet && encoded.Length % 4 == 0 && TryDecodeStandard(encoded, destination);
#else
        return TryDecodeLikeIdentityModel(encoded, destination);
#endif
    }

#if NET9_0_OR_GREATER
    private static bool TryDecodeStandard(ReadOnlySpan<char> encoded, Span<byte> destination)
    {
        // Only reached for input that is not base64url, which a token of ours never is.
        byte[] ascii = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            destination.Clear();
            return System.Text.Ascii.FromUtf16(encoded, ascii, out int length) == OperationStatus.Done
                && Base64.DecodeFromUtf8(ascii.AsSpan(0, length), destination, out _, out _) == OperationStatus.Done;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(ascii);
        }
    }
#endif

#if !NET9_0_OR_GREATER
    /// <summary>IdentityModel's own decoder below .NET 9: '+' and '-' alike, '/' and '_' alike, '=' skipped anywhere.</summary>
    private static bool TryDecodeLikeIdentityModel(ReadOnlySpan<char> encoded, Span<byte> destination)
    {
        int written = 0;
        uint block = 0x000000FFu;
        foreach (char c in encoded)
        {
            uint value;
            if (c is >= 'A' and <= 'Z')
            {
                value = (uint)(c - 'A');
            }
            else if (c is >= 'a' and <= 'z')
            {
                value = (uint)(c - 'a' + 26);
            }
            else if (c is >= '0' and <= '9')
            {
                value = (uint)(c - '0' + 52);
            }
            else if (c is '+' or '-')
            {
                value = 62;
            }
            else if (c is '/' or '_')
            {
                value = 63;
            }
            else if (c == '=')
            {
                continue;
            }
            else
            {
                return false;
            }

            block = (block << 6) | value;
            if ((block & 0xFF000000u) == 0xFF000000u)
            {
                if (written + 3 > destination.Length)
                {
                    return false;
                }

                destination[written++] = (byte)(block >> 16);
                destination[written++] = (byte)(block >> 8);
                destination[written++] = (byte)block;
                block = 0x000000FFu;
            }
        }

        if (block == 0x000000FFu)
        {
            return true;
        }

        if ((block & 0x03FC0000u) == 0x03FC0000u && written + 2 <= destination.Length)
        {
            block <<= 6;
            destination[written++] = (byte)(block >> 16);
            destination[written] = (byte)(block >> 8);
            return true;
        }

        if ((block & 0x000FF000u) == 0x000FF000u && written + 1 <= destination.Length)
        {
            block <<= 12;
            destination[written] = (byte)(block >> 16);
            return true;
        }

        return false;
    }
#endif
}
