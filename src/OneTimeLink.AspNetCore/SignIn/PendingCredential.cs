using System.Buffers.Text;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>A pending sign-in's credential as the shared state keeps it: nothing in it signs anyone in without the asking browser's cookie.</summary>
internal sealed class PendingCredential(string tokenId, byte[] codeHash, byte[] sealedToken)
{
    /// <summary>Gets the link's token id (<c>jti</c>), public in the link itself.</summary>
    public string TokenId { get; } = tokenId;

    /// <summary>Gets the code's HMAC-SHA256 under the request's code key.</summary>
    public byte[] CodeHash { get; } = codeHash;

    /// <summary>Gets the link's token, encrypted under the request's token key: nonce, ciphertext, tag.</summary>
    public byte[] SealedToken { get; } = sealedToken;

    public static PendingCredential? Parse(string? record)
    {
        if (record is null || record.Split('.') is not [{ Length: > 0 } tokenId, var codeHash, var sealedToken])
        {
            return null;
        }

        return new PendingCredential(tokenId, Base64Url.DecodeFromChars(codeHash), Base64Url.DecodeFromChars(sealedToken));
    }
}
