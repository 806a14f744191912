using System.Security.Cryptography;
using System.Text;

namespace OneTimeLink.AspNetCore.Throttling;

/// <summary>
/// One message per account per window, shared by every flow — and, with a shared <see cref="ILinkFlowStateStore"/>, by
/// every instance — so no endpoint can be used to flood a mailbox. Keyed by the store's own user id, which is the
/// store's normalisation of the address: "Ann@Example.com" and "ann@example.com" are one key exactly when the store
/// says they are one account. The first message blocks others for the window of the flow that sent it. The key is a
/// hash of the id, so the shared store holds no user data.
/// </summary>
internal sealed class EmailThrottle(ILinkFlowStateStore store)
{
    private const string KeyPrefix = "throttle:";

    /// <summary>Claims the one message per <paramref name="window"/> to <paramref name="userId"/>.</summary>
    /// <returns><see langword="true"/> when the message may be sent.</returns>
    public ValueTask<bool> TryAcquireAsync(string userId, TimeSpan window, CancellationToken cancellationToken) =>
        window <= TimeSpan.Zero ? ValueTask.FromResult(true) : store.TrySetAsync(KeyOf(userId), "1", window, cancellationToken);

    private static string KeyOf(string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId), hash);
        return KeyPrefix + Convert.ToHexString(hash[..16]);
    }
}
