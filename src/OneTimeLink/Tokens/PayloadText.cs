using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OneTimeLink.Tokens;

/// <summary>
/// A string claim checked but not yet made into a .NET string: where its bytes are in the payload, or the string itself
/// when it had escapes (or was a number). Forged tokens are refused at the signature, so they never pay for the strings.
/// </summary>
internal readonly struct PayloadText
{
    private readonly string? _text;
    private readonly int _start;
    private readonly int _length;

    private PayloadText(string? text, int start, int length)
    {
        _text = text;
        _start = start;
        _length = length;
    }

    /// <summary>Gets a value indicating whether there is no text: the claim was absent, null or an empty string.</summary>
    public bool IsEmpty => _text is null ? _length == 0 : _text.Length == 0;

    public static PayloadText Of(string text) => new(text, 0, 0);

    /// <summary>Reads the reader's current string; false when it is not valid text.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out PayloadText value)
    {
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;

            // The value starts after the opening quote.
            value = new PayloadText(null, checked((int)reader.TokenStartIndex + 1), utf8.Length);
            return Utf8.IsValid(utf8);
        }

        string? text = JsonText.GetString(ref reader);
        value = text is null ? default : Of(text);
        return text is not null;
    }

    /// <summary>Makes the string, from the same payload bytes it was read from.</summary>
    public string ToString(ReadOnlySpan<byte> payload) => _text ?? Encoding.UTF8.GetString(payload.Slice(_start, _length));
}
