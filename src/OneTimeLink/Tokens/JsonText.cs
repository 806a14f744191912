using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OneTimeLink.Tokens;

/// <summary>
/// Reads JSON values the way IdentityModel's <c>JsonWebToken</c> does, without exceptions and without allocating until
/// a value is actually needed. A string IdentityModel could not turn into a .NET string (invalid UTF-8, a lone
/// surrogate escape) makes the token malformed.
/// </summary>
internal static class JsonText
{
    /// <summary>NumericDate bounds: what <see cref="DateTimeOffset.FromUnixTimeSeconds"/> accepts.</summary>
    private const long MinSeconds = -62135596800L;
    private const long MaxSeconds = 253402300799L;

    /// <summary>
    /// Gets whether the JSON starts with an object. A cheap first look that turns most garbage away without the
    /// exception <see cref="Utf8JsonReader"/> throws for invalid JSON.
    /// </summary>
    public static bool StartsObject(ReadOnlySpan<byte> json)
    {
        foreach (byte b in json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }

    /// <summary>Adds a claim name to those seen; false when it was already there.</summary>
    public static bool AddUnique(ref HashSet<string>? names, string name) =>
        (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    /// <summary>Gets whether the current string or property name is valid text.</summary>
    public static bool IsValid(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        // Escapes can hide a lone surrogate; unescaping is the only test, and escaped claims are rare.
        return GetEscapedString(ref reader) is not null;
    }

    /// <summary>Gets the current string or property name, or null when it is not valid text.</summary>
    public static string? GetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        }

        return GetEscapedString(ref reader);
    }

    /// <summary>
    /// Reads a NumericDate (<c>exp</c>, <c>iat</c>, <c>nbf</c>): an integer, a number rounded half to even, or a string
    /// holding a number, as IdentityModel reads them; within what <see cref="DateTimeOffset"/> can represent.
    /// </summary>
    public static bool TryGetNumericDate(ref Utf8JsonReader reader, out long seconds)
    {
        seconds = 0;
        double value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out seconds):
                return seconds is >= MinSeconds and <= MaxSeconds;
            case JsonTokenType.Number when reader.TryGetDouble(out value):
                break;
            case JsonTokenType.String when GetString(ref reader) is { } text
                && double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value):
                break;
            default:
                return false;
        }

        if (!double.IsFinite(value))
        {
            return false;
        }

        double rounded = Math.Round(value, MidpointRounding.ToEven);
        if (rounded is < MinSeconds or > MaxSeconds)
        {
            return false;
        }

        seconds = (long)rounded;
        return true;
    }

    /// <summary>Reads a number as IdentityModel reads a numeric <c>sub</c>: integers as they are, others as doubles.</summary>
    public static string? GetNumberAsString(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out long integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return reader.TryGetDouble(out double value) ? value.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Moves past the current value (the reader is on its first token), checking that every string and property name in
    /// it is valid text. False for invalid text; <see cref="JsonException"/> for invalid JSON.
    /// </summary>
    public static bool SkipCheckingText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return reader.TokenType != JsonTokenType.String || IsValid(ref reader);
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValid(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    private static string? GetEscapedString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
