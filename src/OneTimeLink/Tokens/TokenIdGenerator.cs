using System.Security.Cryptography;

namespace OneTimeLink.Tokens;

/// <summary>
/// Random token ids (<c>jti</c>): 128 bits, base64url. Asking the system generator for 16 bytes costs about a microsecond
/// whatever the size, so each thread draws a batch and hands it out; a handed-out slice is wiped from the batch at once.
/// </summary>
internal static class TokenIdGenerator
{
    public const int TokenIdBytes = 16;

    private const int BatchBytes = TokenIdBytes * 64;

    [ThreadStatic]
    private static RandomBatch? s_batch;

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[TokenIdBytes];
        (s_batch ??= new RandomBatch()).Take(bytes);
        Span<char> chars = stackalloc char[CanonicalBase64Url.GetEncodedLength(TokenIdBytes)];
        int written = CanonicalBase64Url.Encode(bytes, chars);
        CryptographicOperations.ZeroMemory(bytes);
        return new string(chars[..written]);
    }

    /// <summary>One thread's unread random bytes.</summary>
    private sealed class RandomBatch
    {
        private readonly byte[] _bytes = new byte[BatchBytes];
        private int _next = BatchBytes;

        public void Take(Span<byte> destination)
        {
            if (_next + destination.Length > _bytes.Length)
            {
                RandomNumberGenerator.Fill(_bytes);
                _next = 0;
            }

            Span<byte> slice = _bytes.AsSpan(_next, destination.Length);
            slice.CopyTo(destination);
            CryptographicOperations.ZeroMemory(slice);
            _next += destination.Length;
        }
    }
}
