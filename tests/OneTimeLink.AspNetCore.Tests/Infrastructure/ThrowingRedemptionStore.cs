namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>A redemption store that is down.</summary>
internal sealed class ThrowingRedemptionStore : IRedemptionStore
{
    public ValueTask<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        throw new RedemptionStoreUnavailableException("The test store is down.");
}
