using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

/// <summary>
/// No input makes validation throw. Structured mutations of both segments are re-signed with the right key, so they get
/// past the signature to every later check; the ones that make text no writer writes must also be refused.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] s_required = ["iss", "aud", "sub", "pur", "jti", "iat", "exp"];
    private static readonly string[] s_loneSurrogates = ["\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud800\\u0041", "\\ud800\\ud800", "\\udc00\\ud800"];
    private static readonly string[] s_oddNumbers =
    [
        "1e400", "-1", "-0", "1.5", "1E2", "0.0", "99999999999999999999999", "9223372036854775807", "-9223372036854775808",
        "253402300800", "1795957200.0", "00", "0x10", "NaN", "Infinity", "+1", "1795957200 ", " 1795957200", "\n1",
    ];

    private static readonly string[] s_otherValues = ["1", "true", "false", "null", "[]", "{}", "[\"a\"]", "{\"a\":\"b\"}", new string('[', 100) + new string(']', 100)];
    private static readonly byte[][] s_invalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x01], [0x80]];

    [Fact]
    public async Task ValidateAndRedeem_StructuredMutationsResigned_NeverThrow_AndRefuseWhatNoWriterWrites()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var random = new Random(20261202);
        var outcomes = new Dictionary<LinkFailure, int>();
        var problems = new List<string>();

        for (int i = 0; i < 20_000; i++)
        {
            List<(string Name, string Value)> header = [("alg", "\"HS256\""), ("kid", "\"k1\""), ("typ", "\"otl+jwt\"")];
            List<(string Name, string Value)> payload = GoodPayload(i);
            for (int m = random.Next(3); m > 0; m--)
            {
                bool inEither = random.Next(3) == 0;
                MutateKeepingItReadable(inEither ? header : payload, random, inEither);
            }

            // Then, mostly, one mutation into text no writer writes; it comes last so that nothing undoes it.
            bool inHeader = random.Next(3) == 0;
            byte[]? invalid = null;
            bool mustRefuse = random.Next(3) > 0 && MutateIntoUnwritten(inHeader ? header : payload, random, inHeader, ref invalid);

            byte[] headerBytes = Serialize(header, inHeader ? invalid : null);
            byte[] payloadBytes = Serialize(payload, inHeader ? null : invalid);
            if (random.Next(20) == 0)
            {
                // Cut a segment short, or leave something after it: never a whole object then.
                byte[] cut = random.Next(2) == 0 ? payloadBytes[..random.Next(payloadBytes.Length)] : [.. payloadBytes, (byte)" x}"[random.Next(3)]];
                payloadBytes = cut;
                mustRefuse = true;
            }

            string token = Sign(headerBytes, payloadBytes);
            LinkValidationResult result;
            try
            {
                result = await (i % 4 == 0 ? links.RedeemAsync(token, TestLinks.Activate) : links.ValidateAsync(token, TestLinks.Activate));
            }
            catch (Exception ex)
            {
                problems.Add($"{ex.GetType().Name}: {ex.Message} for {Show(headerBytes)} . {Show(payloadBytes)}");
                continue;
            }

            outcomes[result.Failure] = outcomes.GetValueOrDefault(result.Failure) + 1;
            if (mustRefuse && result.Succeeded)
            {
                problems.Add($"accepted {Show(headerBytes)} . {Show(payloadBytes)}");
            }
        }

        problems.Should().BeEmpty(string.Join("\n", problems.Take(20)));
        outcomes.Keys.Should().Contain([LinkFailure.None, LinkFailure.Malformed, LinkFailure.UnknownKey, LinkFailure.InvalidSignature, LinkFailure.WrongIssuer, LinkFailure.WrongAudience, LinkFailure.WrongPurpose]);
    }

    [Fact]
    public async Task Validate_RandomSegmentsAndCharacters_NeverThrow()
    {
        IOneTimeLinkService links = TestLinks.CreateService(new FakeTimeProvider(TestLinks.Start));
        var random = new Random(20261203);
        var problems = new List<string>();

        for (int i = 0; i < 20_000; i++)
        {
            string token = (i % 3) switch
            {
                // Random bytes in one or both segments, signed.
                0 => Sign(RandomBytes(random, 200), random.Next(2) == 0 ? RandomBytes(random, 600) : Serialize(GoodPayload(i), null)),
                1 => Sign(Serialize([("alg", "\"HS256\""), ("kid", "\"k1\""), ("typ", "\"otl+jwt\"")], null), RandomJsonish(random)),

                // Any UTF-16, lone surrogates included, around the dots.
                _ => RandomChars(random) + (random.Next(2) == 0 ? "." + RandomChars(random) + "." + RandomChars(random) : string.Empty),
            };

            try
            {
                await links.ValidateAsync(token, TestLinks.Activate);
            }
            catch (Exception ex)
            {
                problems.Add($"{ex.GetType().Name}: {ex.Message} for {token}");
            }
        }

        problems.Should().BeEmpty(string.Join("\n", problems.Take(20)));
    }

    /// <summary>A mutation that leaves text a writer could write (the same text spelled otherwise, other values, fewer custom claims).</summary>
    private static void MutateKeepingItReadable(List<(string Name, string Value)> members, Random random, bool inHeader)
    {
        int at = random.Next(members.Count);
        (string name, string value) = members[at];
        bool isString = value.StartsWith('"');
        switch (random.Next(5))
        {
            case 0:
                members[at] = (EscapeOne(name, random), value);
                break;
            case 1 when isString:
                members[at] = (name, "\"" + EscapeOne(value[1..^1], random) + "\"");
                break;
            case 2 when isString:
                members[at] = (name, "\"" + Insert(value[1..^1], random.Next(2) == 0 ? "\\ud83d\\ude00" : "\\\"\\\\\\/\\b\\f\\n\\r\\t", random) + "\"");
                break;
            case 3 when !inHeader && !s_required.Contains(name):
                members.RemoveAt(at);
                break;
            case 4 when !inHeader:
                members.Add(("n" + random.Next(1000), "\"\\u00e9\\ud83d\\ude00\\n\""));
                break;
            default:
                // JSON members in another order.
                members.RemoveAt(at);
                members.Insert(random.Next(members.Count + 1), (name, value));
                break;
        }
    }

    /// <summary>A mutation into text the writer never writes, which must be refused; false when it found nothing to change.</summary>
    private static bool MutateIntoUnwritten(List<(string Name, string Value)> members, Random random, bool inHeader, ref byte[]? invalid)
    {
        int at = random.Next(members.Count);
        (string name, string value) = members[at];
        bool isString = value.StartsWith('"');
        switch (random.Next(9))
        {
            case 0:
                members[at] = (Insert(name, s_loneSurrogates[random.Next(s_loneSurrogates.Length)], random), value);
                return true;
            case 1 when isString:
                members[at] = (name, "\"" + Insert(value[1..^1], s_loneSurrogates[random.Next(s_loneSurrogates.Length)], random) + "\"");
                return true;
            case 2 when !isString:
                members[at] = (name, s_oddNumbers[random.Next(s_oddNumbers.Length)]);
                return true;
            case 3:
                // Another JSON type; a number stays a number only as an odd one (case 2).
                string other = s_otherValues[random.Next(isString ? 0 : 1, s_otherValues.Length)];
                members[at] = (name, other);
                return true;
            case 4:
                members.Insert(random.Next(members.Count + 1), members[at]);
                return true;
            case 5 when inHeader || s_required.Contains(name):
                members.RemoveAt(at);
                return true;
            case 6 when inHeader:
                members.Add((random.Next(2) == 0 ? "crit" : "cty", "[\"exp\"]"));
                return true;
            case 7:
                // Invalid UTF-8 (or a raw control character) in a name or a value, put where the NUL is when serialized.
                invalid = s_invalidUtf8[random.Next(s_invalidUtf8.Length)];
                members[at] = random.Next(2) == 0 || !isString ? ("\u0000" + name, value) : (name, "\"\u0000" + value[1..]);
                return true;
            case 8 when isString && name is "sub" or "pur" or "jti" or "typ" or "alg" or "kid":
                members[at] = (name, "\"\"");
                return true;
            default:
                return false;
        }
    }

    private static List<(string Name, string Value)> GoodPayload(int i)
    {
        long start = TestLinks.Start.ToUnixTimeSeconds();
        return
        [
            ("iss", "\"https://links.example\""), ("aud", "\"example-links\""), ("sub", $"\"user-{i}\""), ("pur", "\"activate-account\""),
            ("jti", $"\"{Base64UrlEncoder.Encode(BitConverter.GetBytes(i))}AAAAAAAAAAAAAA\""), ("iat", $"{start}"), ("exp", $"{start + 3600}"),
            ("email", "\"ann@example.com\""), ("nbf", $"{start - 60}"),
        ];
    }

    /// <summary>The members as a JSON object in UTF-8; a NUL marks where <paramref name="invalid"/> bytes go.</summary>
    private static byte[] Serialize(List<(string Name, string Value)> members, byte[]? invalid)
    {
        byte[] json = Encoding.UTF8.GetBytes("{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Value}")) + "}");
        int marker = Array.IndexOf(json, (byte)0);
        return marker < 0 ? json : [.. json[..marker], .. invalid ?? [], .. json[(marker + 1)..]];
    }

    private static string Sign(byte[] header, byte[] payload)
    {
        string signingInput = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload);
        byte[] signature = HMACSHA256.HashData(Convert.FromBase64String(TestLinks.Secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Insert(string text, string insertion, Random random) => text.Insert(random.Next(text.Length + 1), insertion);

    /// <summary>Spells one character as a \u escape (a surrogate pair as two): the same text.</summary>
    private static string EscapeOne(string text, Random random)
    {
        if (text.Length == 0 || text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        int at = random.Next(text.Length);
        return text[..at] + $"\\u{(int)text[at]:x4}" + text[(at + 1)..];
    }

    private static byte[] RandomBytes(Random random, int maximum)
    {
        byte[] bytes = new byte[random.Next(maximum)];
        random.NextBytes(bytes);
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    private static byte[] RandomJsonish(Random random)
    {
        const string Pieces = "{}[]\":,\\u0123456789abcdefnrtlse.-+E \u00e9\ud83d\ude00";
        var text = new StringBuilder("{");
        for (int n = random.Next(300); n > 0; n--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string RandomChars(Random random)
    {
        var text = new StringBuilder();
        for (int n = random.Next(random.Next(10) == 0 ? 5000 : 100); n > 0; n--)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(0x10000) : "ABCxyz019-_=+/ ."[random.Next(16)]);
        }

        return text.ToString();
    }

    private static string Show(byte[] json) => Encoding.UTF8.GetString(json);
}
