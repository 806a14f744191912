using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>JSON names and writer settings of the token format, encoded once.</summary>
internal static class LinkTokenJson
{
    /// <summary>
    /// Relaxed escaping keeps tokens short ('+' in <c>otl+jwt</c>, non-ASCII names, e-mail addresses): the JSON only ever
    /// travels base64url-encoded, never inside HTML or a script, so HTML-sensitive characters need no escaping.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static readonly JsonEncodedText Alg = JsonEncodedText.Encode("alg");
    public static readonly JsonEncodedText Kid = JsonEncodedText.Encode("kid");
    public static readonly JsonEncodedText Typ = JsonEncodedText.Encode("typ");
    public static readonly JsonEncodedText Iss = JsonEncodedText.Encode("iss");
    public static readonly JsonEncodedText Aud = JsonEncodedText.Encode("aud");
    public static readonly JsonEncodedText Sub = JsonEncodedText.Encode("sub");
    public static readonly JsonEncodedText Pur = JsonEncodedText.Encode(LinkTokenClaims.Purpose);
    public static readonly JsonEncodedText Jti = JsonEncodedText.Encode("jti");
    public static readonly JsonEncodedText Iat = JsonEncodedText.Encode("iat");
    public static readonly JsonEncodedText Exp = JsonEncodedText.Encode("exp");
    public static readonly JsonEncodedText Stp = JsonEncodedText.Encode(LinkTokenClaims.StateHash);
}
