using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// The names and limits of the token format, in one place: see the "Token format" section of the design. The writer
/// and the reader both take them from here, so what one writes is what the other accepts.
/// </summary>
internal static class LinkTokenFormat
{
    /// <summary>Input above this length is refused before anything is decoded, and nothing longer is issued.</summary>
    public const int MaximumTokenLength = 4096;

    /// <summary>The latest second a NumericDate may name: what <see cref="DateTimeOffset"/> can represent.</summary>
    public const long MaximumDate = 253402300799L;

    public const string TokenType = "otl+jwt";

    public const string Alg = "alg";
    public const string Kid = "kid";
    public const string Typ = "typ";

    public const string Iss = "iss";
    public const string Aud = "aud";
    public const string Sub = "sub";
    public const string Pur = "pur";
    public const string Jti = "jti";
    public const string Iat = "iat";
    public const string Exp = "exp";
    public const string Nbf = "nbf";
    public const string Stp = "stp";

    public const string HmacSha256 = "HS256";
    public const string HmacSha384 = "HS384";
    public const string HmacSha512 = "HS512";

    /// <summary>
    /// Relaxed escaping keeps tokens short ('+' in <c>otl+jwt</c>, non-ASCII text, e-mail addresses): the JSON only ever
    /// travels base64url-encoded, never inside HTML or a script, so HTML-sensitive characters need no escaping.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>The names as the writer writes them and the reader compares them: plain ASCII, so their encoded bytes are their text.</summary>
    public static readonly JsonEncodedText AlgName = JsonEncodedText.Encode(Alg);
    public static readonly JsonEncodedText KidName = JsonEncodedText.Encode(Kid);
    public static readonly JsonEncodedText TypName = JsonEncodedText.Encode(Typ);
    public static readonly JsonEncodedText TokenTypeValue = JsonEncodedText.Encode(TokenType, WriterOptions.Encoder);
    public static readonly JsonEncodedText IssName = JsonEncodedText.Encode(Iss);
    public static readonly JsonEncodedText AudName = JsonEncodedText.Encode(Aud);
    public static readonly JsonEncodedText SubName = JsonEncodedText.Encode(Sub);
    public static readonly JsonEncodedText PurName = JsonEncodedText.Encode(Pur);
    public static readonly JsonEncodedText JtiName = JsonEncodedText.Encode(Jti);
    public static readonly JsonEncodedText IatName = JsonEncodedText.Encode(Iat);
    public static readonly JsonEncodedText ExpName = JsonEncodedText.Encode(Exp);
    public static readonly JsonEncodedText NbfName = JsonEncodedText.Encode(Nbf);
    public static readonly JsonEncodedText StpName = JsonEncodedText.Encode(Stp);

    /// <summary>Claim names <see cref="LinkIssueOptions.Data"/> cannot use: the registered JWT claims and ours.</summary>
    public static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal) { Iss, Sub, Aud, Exp, Nbf, Iat, Jti, Pur, Stp };
}
