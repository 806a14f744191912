using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// One configured key with everything built from it once: the encoded JWS header its tokens start with, kept HMAC
/// instances for signatures and for state hashes.
/// </summary>
internal sealed class LinkSigningKey
{
    private static readonly byte[] s_stateKeyLabel = Encoding.ASCII.GetBytes("OneTimeLink state binding v1");

    public LinkSigningKey(string id, LinkSigningAlgorithm algorithm, byte[] secret)
    {
        Id = id;
        IdUtf8 = Encoding.UTF8.GetBytes(id);
        Algorithm = algorithm;
        Signer = new HmacPool(algorithm.Hash, secret);
        EncodedHeader = EncodeHeader(id, algorithm);

        // A key of its own for state hashes, so a state hash can never stand in for a token signature.
        StateHasher = new HmacPool(HashAlgorithmName.SHA256, HMACSHA256.HashData(secret, s_stateKeyLabel));
    }

    public string Id { get; }

    public byte[] IdUtf8 { get; }

    public LinkSigningAlgorithm Algorithm { get; }

    /// <summary>Gets the first segment of every token this key signs: the base64url of <c>{"alg":…,"kid":…,"typ":"otl+jwt"}</c>.</summary>
    public string EncodedHeader { get; }

    public HmacPool Signer { get; }

    public HmacPool StateHasher { get; }

    private static string EncodeHeader(string id, LinkSigningAlgorithm algorithm)
    {
        var json = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(json, LinkTokenFormat.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(LinkTokenFormat.AlgName, algorithm.Name);
            writer.WriteString(LinkTokenFormat.KidName, id);
            writer.WriteString(LinkTokenFormat.TypName, LinkTokenFormat.TokenTypeValue);
            writer.WriteEndObject();
        }

        char[] encoded = new char[CanonicalBase64Url.GetEncodedLength(json.WrittenCount)];
        int length = CanonicalBase64Url.Encode(json.WrittenSpan, encoded);
        return new string(encoded, 0, length);
    }
}
