namespace OneTimeLink;

/// <summary>
/// Records which single-use tokens have been redeemed. The default store keeps them in memory, which guarantees single
/// use within one process; applications running several instances register a shared store such as the Redis one.
/// </summary>
/// <remarks>
/// A store that cannot answer (unreachable, timed out, full) throws: the service then refuses the token with
/// <see cref="LinkFailure.StoreUnavailable"/>, so a token is never accepted without a recorded redemption. The service logs
/// <see cref="RedemptionStoreUnavailableException"/> at Debug only (each refused link is still logged as a rejection),
/// so a store that throws it should log the outage itself, once rather than per call; any other exception is logged as a
/// Warning.
/// </remarks>
public interface IRedemptionStore
{
    /// <summary>Atomically records the redemption of <paramref name="tokenId"/>.</summary>
    /// <param name="tokenId">The token's unique id (<c>jti</c>).</param>
    /// <param name="expiresAt">
    /// The instant after which the token can no longer validate (its expiry plus the clock skew): the record must be kept
    /// at least until then and may be dropped after.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the first call with a given id; <see langword="false"/> for every call after it.</returns>
    ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
