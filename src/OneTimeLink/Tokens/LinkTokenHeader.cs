using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>What a token's JOSE header says, as far as validation needs it.</summary>
internal readonly struct LinkTokenHeader
{
    private LinkTokenHeader(bool isLinkToken, LinkSigningKey? key, LinkSigningAlgorithm? algorithm)
    {
        IsLinkToken = isLinkToken;
        Key = key;
        Algorithm = algorithm;
    }

    /// <summary>Gets a value indicating whether the header is well formed and says <c>typ: otl+jwt</c>.</summary>
    public bool IsLinkToken { get; }

    /// <summary>Gets the configured key the <c>kid</c> names, or null.</summary>
    public LinkSigningKey? Key { get; }

    /// <summary>Gets the supported algorithm the <c>alg</c> names, or null for any other (none, RS256, absent).</summary>
    public LinkSigningAlgorithm? Algorithm { get; }

    /// <summary>
    /// Reads the header JSON as IdentityModel does: one object (anything after it is ignored), <c>alg</c>, <c>kid</c>,
    /// <c>typ</c>, <c>cty</c>, <c>x5t</c> and <c>zip</c> strings or null, other top-level strings valid text. A name
    /// given twice makes it malformed: a parser that keeps the first and one that keeps the last must never disagree.
    /// </summary>
    public static LinkTokenHeader Read(ReadOnlySpan<byte> json, SigningKeySet keys)
    {
        var reader = new Utf8JsonReader(json);
        if (!JsonText.StartsObject(json) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        bool typOk = false;
        LinkSigningKey? key = null;
        LinkSigningAlgorithm? algorithm = null;
        Seen seen = default;
        HashSet<string>? otherNames = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("alg"u8))
            {
                if (!seen.Add(Seen.Alg) || !ReadOptionalString(ref reader))
                {
                    return default;
                }

                algorithm = reader.TokenType == JsonTokenType.String ? keys.FindAlgorithm(ref reader) : null;
            }
            else if (reader.ValueTextEquals("kid"u8))
            {
                if (!seen.Add(Seen.Kid) || !ReadOptionalString(ref reader))
                {
                    return default;
                }

                key = reader.TokenType == JsonTokenType.String ? keys.Find(ref reader) : null;
            }
            else if (reader.ValueTextEquals("typ"u8))
            {
                if (!seen.Add(Seen.Typ) || !ReadOptionalString(ref reader))
                {
                    return default;
                }

                typOk = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("otl+jwt"u8);
            }
            else if (reader.ValueTextEquals("cty"u8) || reader.ValueTextEquals("x5t"u8) || reader.ValueTextEquals("zip"u8))
            {
                int flag = reader.ValueTextEquals("cty"u8) ? Seen.Cty : reader.ValueTextEquals("x5t"u8) ? Seen.X5t : Seen.Zip;
                if (!seen.Add(flag) || !ReadOptionalString(ref reader))
                {
                    return default;
                }
            }
            else
            {
                if (JsonText.GetString(ref reader) is not { } name || !JsonText.AddUnique(ref otherNames, name) || !reader.Read())
                {
                    return default;
                }

                // IdentityModel reads nested header values lazily and never looks at their text, so neither do we.
                if (reader.TokenType == JsonTokenType.String ? !JsonText.IsValid(ref reader) : !reader.TrySkip())
                {
                    return default;
                }
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? new LinkTokenHeader(typOk, key, algorithm) : default;
    }

    /// <summary>Moves to the value: a string that is valid text, or null. Anything else is malformed.</summary>
    private static bool ReadOptionalString(ref Utf8JsonReader reader) =>
        reader.Read()
        && (reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && JsonText.IsValid(ref reader)));

    /// <summary>The registered header names already read, as bits.</summary>
    private struct Seen
    {
        public const int Alg = 1, Kid = 2, Typ = 4, Cty = 8, X5t = 16, Zip = 32;

        private int _bits;

        public bool Add(int flag)
        {
            bool added = (_bits & flag) == 0;
            _bits |= flag;
            return added;
        }
    }
}
