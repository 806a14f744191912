using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// One pending sign-in as the browser that asked holds it in its request cookie: 16 random bytes and the request's
/// expiry. Everything the server keeps about it is derived from those bytes — the lookup key, the key that encrypts the
/// link's token, the key of the code's hash — and the server stores none of them, so its shared state alone can neither
/// sign anyone in nor be tied to a browser. Changing the expiry in the cookie changes every key: it finds nothing.
/// </summary>
internal sealed class SignInRequest
{
    private const int SecretLength = 16;
    private const int Length = SecretLength + sizeof(long);
    private static readonly byte[] s_lookupInfo = Encoding.ASCII.GetBytes("OneTimeLink sign-in lookup");
    private static readonly byte[] s_tokenInfo = Encoding.ASCII.GetBytes("OneTimeLink sign-in token key");
    private static readonly byte[] s_codeInfo = Encoding.ASCII.GetBytes("OneTimeLink sign-in code key");

    private readonly byte[] _bytes;

    private SignInRequest(byte[] bytes)
    {
        _bytes = bytes;
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(SecretLength)));
        Key = Base64Url.EncodeToString(Derive(s_lookupInfo, 16));
    }

    /// <summary>Gets when the request ends, whatever became of it.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the request's key in the shared state and in its link's <c>req</c> claim: a hash, not the secret.</summary>
    public string Key { get; }

    /// <summary>Gets the request as its cookie carries it.</summary>
    public string CookieValue => Base64Url.EncodeToString(_bytes);

    public static SignInRequest Create(DateTimeOffset expiresAt)
    {
        byte[] bytes = new byte[Length];
        RandomNumberGenerator.Fill(bytes.AsSpan(0, SecretLength));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(SecretLength), expiresAt.ToUnixTimeSeconds());
        return new SignInRequest(bytes);
    }

    /// <summary>Reads a request from its cookie form; anything else, of any length or alphabet, is no request.</summary>
    public static SignInRequest? Parse(ReadOnlySpan<char> value)
    {
        // 24 bytes are exactly 32 base64url characters, so a valid cookie has no padding and no spare bits to vary.
        byte[] bytes = new byte[Length];
        return value.Length == 32 && Base64Url.TryDecodeFromChars(value, bytes, out int written) && written == Length
            ? new SignInRequest(bytes)
            : null;
    }

    /// <summary>The key that encrypts the link's token in the shared state.</summary>
    public byte[] TokenKey() => Derive(s_tokenInfo, 32);

    /// <summary>The key of the code's hash in the shared state.</summary>
    public byte[] CodeKey() => Derive(s_codeInfo, 32);

    private byte[] Derive(byte[] info, int length) => HKDF.DeriveKey(HashAlgorithmName.SHA256, _bytes, length, salt: [], info);
}
