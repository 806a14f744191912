using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>A token's claims as read, before the signature is checked; nothing here is trusted yet.</summary>
internal struct LinkTokenPayload
{
    private const int Iss = 1, Aud = 2, Sub = 4, Pur = 8, Jti = 16, Iat = 32, Exp = 64, Nbf = 128, Stp = 256, Azp = 512;

    public bool IssuerMatches;
    public bool AudienceMatches;
    public PayloadText Subject;
    public string? Purpose;
    public PayloadText TokenId;
    public string? StateHash;
    public long? IssuedAt;
    public long? ExpiresAt;
    public long? NotBefore;
    public Dictionary<string, string>? Data;

    private int _seen;
    private bool _hasIssuer;
    private int _audienceCount;

    /// <summary>
    /// Gets a value indicating whether every claim validation requires is there: <c>iss</c>, <c>aud</c>, <c>sub</c>,
    /// <c>pur</c>, <c>jti</c> and <c>exp</c>, and <c>stp</c> a non-empty string when present.
    /// </summary>
    public readonly bool IsComplete =>
        _hasIssuer
        && _audienceCount > 0
        && !Subject.IsEmpty
        && !string.IsNullOrEmpty(Purpose)
        && !TokenId.IsEmpty
        && ExpiresAt is not null
        && ((_seen & Stp) == 0 || !string.IsNullOrEmpty(StateHash));

    /// <summary>
    /// Reads the payload JSON as IdentityModel does (one object, anything after it ignored; registered claims of their
    /// JSON types; every string valid text), except that a claim given twice makes it malformed. False when malformed;
    /// <see cref="JsonException"/> for invalid JSON.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, LinkTokenExpectations expected, out LinkTokenPayload payload)
    {
        payload = default;

        // IdentityModel reads an empty payload as no claims at all; then required claims are missing, malformed too.
        var reader = new Utf8JsonReader(json);
        if (!JsonText.StartsObject(json) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        HashSet<string>? otherNames = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!payload.ReadClaim(ref reader, expected, ref otherNames))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private bool ReadClaim(ref Utf8JsonReader reader, LinkTokenExpectations expected, ref HashSet<string>? otherNames) => ClaimOf(ref reader) switch
    {
        Iss => See(Iss) && reader.Read() && ReadIssuer(ref reader, expected),
        Aud => See(Aud) && reader.Read() && ReadAudience(ref reader, expected),
        Sub => See(Sub) && reader.Read() && ReadSubject(ref reader),
        Jti => See(Jti) && reader.Read() && ReadOptionalText(ref reader, out TokenId),
        Exp => See(Exp) && reader.Read() && ReadNumericDate(ref reader, out ExpiresAt),
        Iat => See(Iat) && reader.Read() && ReadNumericDate(ref reader, out IssuedAt),
        Nbf => See(Nbf) && reader.Read() && ReadNumericDate(ref reader, out NotBefore),

        // pur and stp are custom claims to IdentityModel: any JSON value reads, and only a string counts.
        Pur => See(Pur) && reader.Read() && ReadPurpose(ref reader, expected),
        Stp => See(Stp) && reader.Read() && ReadAnyValue(ref reader, out StateHash, lastInArray: false),
        Azp => See(Azp) && reader.Read() && ReadOptionalString(ref reader, out string? party) && AddData("azp", party),
        _ => JsonText.GetString(ref reader) is { } name
            && JsonText.AddUnique(ref otherNames, name)
            && reader.Read()
            && ReadAnyValue(ref reader, out string? value, lastInArray: true)
            && AddData(name, value),
    };

    /// <summary>
    /// Which registered claim the current property name is (its bit), or 0 for any other. Names are three ASCII letters,
    /// so an unescaped name is told by its bytes; an escaped one is unescaped and compared.
    /// </summary>
    private static int ClaimOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("iss"u8) ? Iss : reader.ValueTextEquals("aud"u8) ? Aud : reader.ValueTextEquals("sub"u8) ? Sub
                : reader.ValueTextEquals("pur"u8) ? Pur : reader.ValueTextEquals("jti"u8) ? Jti : reader.ValueTextEquals("iat"u8) ? Iat
                : reader.ValueTextEquals("exp"u8) ? Exp : reader.ValueTextEquals("nbf"u8) ? Nbf : reader.ValueTextEquals("stp"u8) ? Stp
                : reader.ValueTextEquals("azp"u8) ? Azp : 0;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        if (name.Length != 3)
        {
            return 0;
        }

        int claim = name[0] switch
        {
            (byte)'i' => name[1] == (byte)'s' ? Iss : Iat,
            (byte)'a' => name[1] == (byte)'u' ? Aud : Azp,
            (byte)'s' => name[1] == (byte)'u' ? Sub : Stp,
            (byte)'p' => Pur,
            (byte)'j' => Jti,
            (byte)'e' => Exp,
            (byte)'n' => Nbf,
            _ => 0,
        };
        return claim != 0 && name.SequenceEqual(NameOf(claim)) ? claim : 0;
    }

    private static ReadOnlySpan<byte> NameOf(int claim) => claim switch
    {
        Iss => "iss"u8,
        Aud => "aud"u8,
        Sub => "sub"u8,
        Pur => "pur"u8,
        Jti => "jti"u8,
        Iat => "iat"u8,
        Exp => "exp"u8,
        Nbf => "nbf"u8,
        Stp => "stp"u8,
        _ => "azp"u8,
    };

    private bool See(int claim)
    {
        bool first = (_seen & claim) == 0;
        _seen |= claim;
        return first;
    }

    private bool ReadIssuer(ref Utf8JsonReader reader, LinkTokenExpectations expected)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        _hasIssuer = reader.ValueSpan.Length > 0;
        IssuerMatches = reader.ValueTextEquals(expected.Issuer);
        return IssuerMatches || JsonText.IsValid(ref reader);
    }

    /// <summary>A string, or an array of strings and nulls (nulls skipped), or null for none.</summary>
    private bool ReadAudience(ref Utf8JsonReader reader, LinkTokenExpectations expected)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                return ReadOneAudience(ref reader, expected);
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Null && (reader.TokenType != JsonTokenType.String || !ReadOneAudience(ref reader, expected)))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private bool ReadOneAudience(ref Utf8JsonReader reader, LinkTokenExpectations expected)
    {
        _audienceCount++;
        if (expected.MatchesAudience(ref reader))
        {
            AudienceMatches = true;
            return true;
        }

        return JsonText.IsValid(ref reader);
    }

    private bool ReadPurpose(ref Utf8JsonReader reader, LinkTokenExpectations expected)
    {
        if (reader.TokenType == JsonTokenType.String && expected.FindPurpose(ref reader) is { } known)
        {
            Purpose = known;
            return true;
        }

        return ReadAnyValue(ref reader, out Purpose, lastInArray: false);
    }

    /// <summary>IdentityModel takes a numeric <c>sub</c> too, as its number's text.</summary>
    private bool ReadSubject(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                return PayloadText.TryRead(ref reader, out Subject);
            case JsonTokenType.Number when JsonText.GetNumberAsString(ref reader) is { } number:
                Subject = PayloadText.Of(number);
                return true;
            default:
                return false;
        }
    }

    private static bool ReadOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = JsonText.GetString(ref reader);
        return value is not null;
    }

    private static bool ReadOptionalText(ref Utf8JsonReader reader, out PayloadText value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.Null
            || (reader.TokenType == JsonTokenType.String && PayloadText.TryRead(ref reader, out value));
    }

    private static bool ReadNumericDate(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (!JsonText.TryGetNumericDate(ref reader, out long seconds))
        {
            return false;
        }

        value = seconds;
        return true;
    }

    /// <summary>
    /// Any JSON value, every string in it valid text. <paramref name="value"/> is set when it is a string or, with
    /// <paramref name="lastInArray"/>, to the last string directly in an array: IdentityModel makes a string claim of
    /// each, and the custom claims read back keep the last.
    /// </summary>
    private static bool ReadAnyValue(ref Utf8JsonReader reader, out string? value, bool lastInArray)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = JsonText.GetString(ref reader);
                return value is not null;
            case JsonTokenType.StartArray when lastInArray:
                int depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1)
                    {
                        value = JsonText.GetString(ref reader);
                        if (value is null)
                        {
                            return false;
                        }
                    }
                    else if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !JsonText.IsValid(ref reader))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return JsonText.SkipCheckingText(ref reader);
        }
    }

    private bool AddData(string name, string? value)
    {
        if (value is not null)
        {
            (Data ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
        }

        return true;
    }
}
