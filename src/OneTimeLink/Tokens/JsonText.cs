using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OneTimeLink.Tokens;

/// <summary>
/// Reads the text of the current JSON string or property name without an exception for any input. Every reader call
/// that unescapes (<c>ValueTextEquals</c>, <c>GetString</c>, <c>CopyString</c>) throws
/// <see cref="InvalidOperationException"/> for text that is not valid UTF-8 or escapes a lone surrogate, so the token
/// reader never calls them: it reads the raw bytes, unescapes them here, and compares the result.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// Gets the UTF-8 text of the reader's current string or property name: its bytes when it has no escapes, else its
    /// unescaped bytes written to the start of <paramref name="scratch"/>, which is then moved past them. False when the
    /// text is not valid Unicode.
    /// </summary>
    public static bool TryRead(scoped ref Utf8JsonReader reader, scoped ref Span<byte> scratch, out ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            text = raw;
            return Utf8.IsValid(raw);
        }

        // Unescaped text is never longer than its escaped form, so the scratch (as large as the input) always holds it.
        if (!TryUnescape(raw, scratch, out int written) || !Utf8.IsValid(scratch[..written]))
        {
            text = default;
            return false;
        }

        text = scratch[..written];
        scratch = scratch[written..];
        return true;
    }

    /// <summary>Unescapes JSON string content the reader has already checked for escape syntax; false for a lone surrogate.</summary>
    private static bool TryUnescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        written = 0;
        int i = 0;
        while (i < raw.Length)
        {
            byte b = raw[i++];
            if (b != (byte)'\\')
            {
                if (written >= destination.Length)
                {
                    return false;
                }

                destination[written++] = b;
                continue;
            }

            if (i >= raw.Length)
            {
                return false;
            }

            byte escaped = raw[i++];
            int value = escaped switch
            {
                (byte)'"' => '"',
                (byte)'\\' => '\\',
                (byte)'/' => '/',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'u' when TryReadHex(raw, ref i, out int unit) => unit,
                _ => -1,
            };

            if (value < 0 || char.IsLowSurrogate((char)value))
            {
                return false;
            }

            if (char.IsHighSurrogate((char)value))
            {
                // Only a \u-escaped low surrogate right after completes the pair.
                if (i + 1 >= raw.Length || raw[i] != (byte)'\\' || raw[i + 1] != (byte)'u')
                {
                    return false;
                }

                i += 2;
                if (!TryReadHex(raw, ref i, out int low) || !char.IsLowSurrogate((char)low))
                {
                    return false;
                }

                value = char.ConvertToUtf32((char)value, (char)low);
            }

            if (!new Rune(value).TryEncodeToUtf8(destination[written..], out int length))
            {
                return false;
            }

            written += length;
        }

        return true;
    }

    private static bool TryReadHex(ReadOnlySpan<byte> raw, ref int index, out int value)
    {
        value = 0;
        if (index + 4 > raw.Length)
        {
            return false;
        }

        for (int end = index + 4; index < end; index++)
        {
            int digit = HexValue(raw[index]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
