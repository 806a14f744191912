using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;
using OneTimeLink.Tokens;

namespace OneTimeLink.Tests.Reference;

/// <summary>
/// Tokens for the differential test, from a seeded generator: valid ones written by the library and by the reference
/// writer, hand-forged ones (every header and claim varied, escapes and lone surrogates among them), fixed edge cases,
/// and random mutations of all. Times are drawn around <see cref="TestLinks.Start"/>, where the test validates them.
/// </summary>
internal sealed class DifferentialCorpus
{
    public static readonly string[] Secrets =
    [
        TestLinks.Secret,
        Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)((i * 37) + 11)).ToArray()),
        Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)((i * 53) + 5)).ToArray()),
    ];

    public static readonly string[] KeyIds = ["k1", "k2", "k3"];
    public static readonly string[] Algorithms = ["HS256", "HS384", "HS512"];

    private const string MutationAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\\0é\t";

    private static readonly string[] s_subjects =
    [
        "user-42", "a", "jérôme", "ann+tag@example.com", "quote\"back\\slash", "😀 emoji", "<script>&amp;", "new\nline\ttab", "12345",
    ];

    private static readonly string[] s_purposes = [TestLinks.Activate, TestLinks.Reset, "x", "päss"];
    private static readonly string[] s_dataNames = ["email", "locale", "n", "x-y", "ünï", "azp", "acr", "roles"];

    private readonly Random _random;
    private readonly LinkTokenWriter _writer = new(TestLinks.Issuer, TestLinks.Audience);
    private readonly LinkSigningKey[] _keys;
    private readonly ReferenceLinkTokenWriter[] _referenceWriters;

    public DifferentialCorpus(int seed)
    {
        _random = new Random(seed);
        _keys = new LinkSigningKey[KeyIds.Length];
        _referenceWriters = new ReferenceLinkTokenWriter[KeyIds.Length];
        for (int i = 0; i < KeyIds.Length; i++)
        {
            _keys[i] = new SigningKeySet([new SigningKeyOptions { Id = KeyIds[i], Algorithm = Algorithms[i], Secret = Secrets[i] }]).Current;
            _referenceWriters[i] = new ReferenceLinkTokenWriter(KeyIds[i], Algorithms[i], Secrets[i], TestLinks.Issuer, TestLinks.Audience);
        }
    }

    /// <summary>The three keys of the corpus, one per algorithm, in place of the test's usual key.</summary>
    public static void UseCorpusKeys(OneTimeLinkOptions options)
    {
        options.Keys.Clear();
        for (int i = 0; i < KeyIds.Length; i++)
        {
            options.Keys.Add(new SigningKeyOptions { Id = KeyIds[i], Algorithm = Algorithms[i], Secret = Secrets[i] });
        }
    }

    public IEnumerable<string> Tokens(int count)
    {
        var seeds = new List<string>();
        foreach (string edge in EdgeCases())
        {
            seeds.Add(edge);
            yield return edge;
        }

        for (int produced = seeds.Count; produced < count; produced++)
        {
            int kind = _random.Next(100);
            string token = kind switch
            {
                < 12 => Valid(),
                < 20 => ValidFromReference(),
                < 45 => Forged(),
                _ => Mutate(seeds.Count > 0 && _random.Next(4) > 0 ? seeds[_random.Next(seeds.Count)] : Valid()),
            };

            if (kind < 45 && seeds.Count < 5_000)
            {
                seeds.Add(token);
            }

            yield return token;
        }
    }

    public string Valid()
    {
        ReferenceContent content = RandomContent();
        return _writer.TryWrite(
            _keys[_random.Next(KeyIds.Length)],
            content.Subject,
            content.Purpose,
            content.TokenId,
            content.IssuedAt!.Value.ToUnixTimeSeconds(),
            content.ExpiresAt.ToUnixTimeSeconds(),
            content.StateHash,
            content.Data,
            out _)!;
    }

    private string ValidFromReference() => _referenceWriters[_random.Next(KeyIds.Length)].Create(RandomContent());

    private ReferenceContent RandomContent()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = _random.Next(-2, 4); i > 0; i--)
        {
            data[Pick(s_dataNames)] = Pick(s_subjects);
        }

        // Mostly issued in the last hour for up to two hours; now and then long expired or far in the future.
        DateTimeOffset issuedAt = _random.Next(10) == 0
            ? DateTimeOffset.FromUnixTimeSeconds(_random.NextInt64(0, 4_000_000_000))
            : TestLinks.Start.AddSeconds(-_random.Next(3600));
        return new ReferenceContent(
            _random.Next(3) == 0 ? RandomText(1, 30) : Pick(s_subjects),
            Pick(s_purposes),
            TokenIdGenerator.Next(),
            issuedAt,
            issuedAt.AddSeconds(_random.Next(1, 7200)),
            null,
            _random.Next(3) == 0 ? TokenIdGenerator.Next() : null,
            data);
    }

    /// <summary>A hand-built token: every header parameter and claim drawn from good, wrong, missing and odd values.</summary>
    private string Forged()
    {
        int keyIndex = _random.Next(KeyIds.Length);
        var header = new List<string?>
        {
            Member("alg", Choose(70, Json(Algorithms[keyIndex]), Json(Pick(Algorithms)), Json("none"), Json("RS256"), "null", null, Json("hs256"), "5")),
            Member("kid", Choose(75, Json(KeyIds[keyIndex]), Json(Pick(KeyIds)), Json("k9"), Json(""), null, "null", "1", Json("k\\u0031"))),
            Member("typ", Choose(80, Json("otl+jwt"), Json("JWT"), null, Json("OTL+JWT"), "null", Json("otl\\u002bjwt"))),
        };
        if (_random.Next(10) == 0)
        {
            header.Add(Member(Pick(["x", "cty", "enc", "crit", "zip", "x5t", "alg", "\\ud800", "k\\u0069d"]), Choose(0, "1", Json("v"), "[1,2]", "[\"exp\"]", "{\"a\":1}", "null", Json("\\udc00"))));
        }

        long now = TestLinks.Start.ToUnixTimeSeconds();
        var payload = new List<string?>
        {
            Member("iss", Choose(80, Json(TestLinks.Issuer), Json(TestLinks.Issuer + "/"), Json("https://evil.example"), Json(""), "null", null, "5", Json("https:\\/\\/links.example"))),
            Member("aud", Choose(80, Json(TestLinks.Audience), $"[\"x\",{Json(TestLinks.Audience)}]", "[\"x\"]", Json(TestLinks.Audience + "/"), Json(""), "null", "[]", "[null]", null, "5", $"[null,{Json(TestLinks.Audience)}]")),
            Member("sub", Choose(80, Json(Pick(s_subjects)), "42", "4.2e1", "null", Json(""), null, "true", "1e400", Json("\\ud800"), Json("a\\udc00b"), Json("\\ud83d\\ude00"))),
            Member("pur", Choose(80, Json(Pick(s_purposes)), "5", null, Json(""), "[\"x\"]")),
            Member("jti", Choose(80, Json(TokenIdGenerator.Next()), null, "5", Json(""), "null")),
            Member("iat", Choose(60, (now - _random.Next(3600)).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "1.5", "\"123\"", "null", "\"x\"", (now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), "1e400", "-0")),
            Member("exp", Choose(70, (now + _random.Next(-3600, 3600)).ToString(System.Globalization.CultureInfo.InvariantCulture), "1764421200.5", "\"1764421200\"", "\"soon\"", "null", null, "253402300800", "-1", "1e300", "\" 12\"", "\"1,000\"")),
        };
        if (_random.Next(4) == 0)
        {
            payload.Add(Member("nbf", Choose(50, (now + _random.Next(-1000, 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture), "null", "5.5", "\"7\"", "true")));
        }

        if (_random.Next(4) == 0)
        {
            payload.Add(Member("stp", Choose(60, Json(TokenIdGenerator.Next()), Json(""), "null", "5")));
        }

        if (_random.Next(4) == 0)
        {
            payload.Add(Member(Pick([.. s_dataNames, "\\ud800", "\\u0073ub", "e\\u006dail"]), Choose(50, Json(Pick(s_subjects)), "1", "[\"a\",\"b\"]", "{\"a\":[1,{\"b\":null}]}", "true", "null", Json("\\ud800"))));
        }

        if (_random.Next(20) == 0)
        {
            payload.Add(payload[_random.Next(payload.Count)] ?? Member("sub", Json("admin")));
        }

        string headerJson = Object(header);
        string payloadJson = Object(payload);
        string signingInput = TokenForge.Encode(headerJson) + "." + TokenForge.Encode(payloadJson);
        return _random.Next(10) switch
        {
            < 6 => signingInput + "." + Sign(signingInput, keyIndex),
            6 => signingInput + "." + Sign(signingInput, (keyIndex + 1) % KeyIds.Length),
            7 => signingInput + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(Convert.FromBase64String(TestLinks.OtherSecret), Encoding.ASCII.GetBytes(signingInput))),
            8 => signingInput + ".",
            _ => signingInput + "." + RandomText(0, 90, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        };
    }

    /// <summary>Inputs where JsonWebToken has quirks, each signed with key k1.</summary>
    private IEnumerable<string> EdgeCases()
    {
        const string Header = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}";
        string issuedAt = TestLinks.Start.AddMinutes(-10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string expiry = TestLinks.Start.AddMinutes(50).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Payload(string extra = "", string? exp = null, string sub = "\"user-42\"", string aud = "\"example-links\"") =>
            "{\"iss\":\"https://links.example\",\"aud\":" + aud + ",\"sub\":" + sub + ",\"pur\":\"activate-account\",\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"iat\":" + issuedAt + ",\"exp\":" + (exp ?? expiry) + extra + "}";
        string SignJson(string header, string payload) => SignSegments(TokenForge.Encode(header), TokenForge.Encode(payload));
        string SignSegments(string header, string payload) => header + "." + payload + "." + Sign(header + "." + payload, 0);
        byte[] Bad(string json, string find, params byte[] replacement)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            int at = json.IndexOf(find, StringComparison.Ordinal);
            return [.. bytes[..at], .. replacement, .. bytes[(at + find.Length)..]];
        }

        string good = SignJson(Header, Payload());
        string[] parts = good.Split('.');
        foreach (string exp in new[] { "1.5", "1e9", "1764421200.0", "\"1764421200\"", "-1", "99999999999999", "253402300799", "253402300800", "null", "true", "1764421200.5", "-0", "\"1.5\"", "\" 12\"", "\"1,000\"", "\"NaN\"", "\"0x10\"", "-62135596800.5", "1e400", "253402300799.5" })
        {
            yield return SignJson(Header, Payload(exp: exp));
        }

        foreach (string sub in new[] { "42", "4.2e1", "-0", "1.50", "12345678901234567890123", "true", "[\"a\"]", "1E-7", "9223372036854775808", "1e400", "\"\\ud800\"" })
        {
            yield return SignJson(Header, Payload(sub: sub));
        }

        foreach (string aud in new[] { "[\"x\",\"example-links\"]", "[]", "[null,\"example-links\"]", "[\"example-links\",1]", "\"example-links/\"", "\"example-links//\"", "\"\"", "[\"\"]", "[[\"example-links\"]]", "\"example-links\\/\"" })
        {
            yield return SignJson(Header, Payload(aud: aud));
        }

        foreach (string extra in new[] { ",\"sub\":\"admin\"", ",\"stp\":null", ",\"stp\":5", ",\"nbf\":null", ",\"nbf\":\"5\"", ",\"azp\":5", ",\"azp\":\"a\"", ",\"n\":[\"a\",\"b\"]", ",\"n\":{\"a\":1}", ",\"\":\"x\"", ",\"n\":\"\\ud800\"", ",\"\\u0065xp\":1" })
        {
            yield return SignJson(Header, Payload(extra));
        }

        foreach (string header in new[] { "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", "{\"x\":{\"a\":1},\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"cty\":5}", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"enc\":5}", "{\"alg\":\"HS256\",\"kid\":\"k\\u0031\",\"t\\u0079p\":\"otl+jwt\"}", "{}", "[]", "\"x\"", "", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"crit\":[\"exp\"]}", "{\"\\ud800\":0,\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\"}", "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"otl+jwt\",\"\\udc00x\":\"v\"}" })
        {
            yield return SignJson(header, Payload());
        }

        yield return SignJson(Header, Payload() + "trailing garbage");
        yield return SignJson(Header + " x", Payload());
        yield return SignJson(Header, " \n" + Payload() + "\n ");
        yield return SignJson(Header, Payload(",\"x\":" + new string('[', 63) + new string(']', 63)));
        yield return SignJson(Header, Payload(",\"x\":" + new string('[', 64) + new string(']', 64)));
        yield return SignSegments(parts[0], TokenForge.Encode(Payload()).Insert(5, "  "));
        yield return SignSegments(parts[0].Insert(5, "   "), parts[1]);
        yield return SignSegments(parts[0].Replace('-', '+').Replace('_', '/'), parts[1]);
        yield return SignSegments(Base64UrlEncoder.Encode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Header)]), parts[1]);
        yield return SignSegments(parts[0], Base64UrlEncoder.Encode(Bad(Payload(), "user-42", 0xC3, 0x28)));
        yield return SignSegments(parts[0], Base64UrlEncoder.Encode(Bad(Payload(), "user-42", 0xED, 0xA0, 0x80)));
        yield return SignSegments(parts[0], Base64UrlEncoder.Encode(Bad(Payload(",\"n\":[\"zz\"]"), "zz", 0xC3, 0x28)));
        yield return SignSegments(parts[0], Base64UrlEncoder.Encode(Bad(Payload(",\"n\":{\"zz\":1}"), "zz", 0xC3, 0x28)));
        yield return SignSegments(Base64UrlEncoder.Encode(Bad(Header, "k1", 0xC3, 0x28)), parts[1]);
        yield return SignSegments(parts[0], Base64UrlEncoder.Encode([.. Encoding.UTF8.GetBytes(Payload()), 0]));
        yield return $"{parts[0]}.{parts[1]}.{parts[2]}=";
        yield return $"{parts[0]}.{parts[1]}.{parts[2]}==";
        yield return $"{parts[0]}.{parts[1]}.{parts[2].Insert(5, " ")}";
        yield return $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(Base64UrlEncoder.DecodeBytes(parts[2]))}";
        yield return $"{parts[0]}.{parts[1]}";
        yield return $"{good}.x";
        yield return $"{good}.x.y";
        yield return string.Empty;
        yield return "   ";
        yield return new string('a', 5000);
    }

    private string Sign(string signingInput, int keyIndex)
    {
        byte[] key = Convert.FromBase64String(Secrets[keyIndex]);
        byte[] input = Encoding.ASCII.GetBytes(signingInput);
        return Base64UrlEncoder.Encode(keyIndex switch
        {
            0 => HMACSHA256.HashData(key, input),
            1 => HMACSHA384.HashData(key, input),
            _ => HMACSHA512.HashData(key, input),
        });
    }

    private string Mutate(string token)
    {
        if (token.Length == 0)
        {
            return Pick(MutationAlphabet.Select(c => c.ToString()).ToArray());
        }

        char[] chars = token.ToCharArray();
        switch (_random.Next(5))
        {
            case 0:
                chars[_random.Next(chars.Length)] = MutationAlphabet[_random.Next(MutationAlphabet.Length)];
                return new string(chars);
            case 1:
                for (int i = _random.Next(2, 12); i > 0; i--)
                {
                    chars[_random.Next(chars.Length)] = MutationAlphabet[_random.Next(MutationAlphabet.Length)];
                }

                return new string(chars);
            case 2:
                return token.Remove(_random.Next(token.Length), 1);
            case 3:
                return token.Insert(_random.Next(token.Length + 1), MutationAlphabet[_random.Next(MutationAlphabet.Length)].ToString());
            default:
                int at = _random.Next(chars.Length);
                chars[at] = char.IsUpper(chars[at]) ? char.ToLowerInvariant(chars[at]) : char.ToUpperInvariant(chars[at]);
                return new string(chars);
        }
    }

    /// <summary>The first choice with <paramref name="firstPercent"/> percent, else any of the others.</summary>
    private string? Choose(int firstPercent, params string?[] choices) =>
        _random.Next(100) < firstPercent ? choices[0] : choices[_random.Next(1, choices.Length)];

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string RandomText(int min, int max, string? alphabet = null)
    {
        int length = _random.Next(min, max);
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(alphabet is null ? (char)_random.Next(0x20, 0xD7FF) : alphabet[_random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Json(string value) => "\"" + value + "\"";

    private static string? Member(string name, string? value) => value is null ? null : $"\"{name}\":{value}";

    private string Object(List<string?> members)
    {
        string?[] shuffled = [.. members];
        _random.Shuffle(shuffled);
        return "{" + string.Join(",", shuffled.Where(m => m is not null)) + "}";
    }
}
