namespace OneTimeLink;

/// <summary>
/// The link flows' shared, expiring state — today the per-account mail throttle — kept next to the redemptions: in
/// memory by default, in Redis with <c>AddRedisRedemptionStore</c>, so a limit set on one application instance holds
/// on every other.
/// </summary>
/// <remarks>Like <see cref="IRedemptionStore"/>, a store that cannot answer throws; the flows then send nothing.</remarks>
public interface ILinkFlowStateStore
{
    /// <summary>Sets <paramref name="key"/> for <paramref name="lifetime"/> unless it is set already, in one atomic step.</summary>
    /// <param name="key">The key, such as <c>throttle:{hash}</c>; no personal data.</param>
    /// <param name="lifetime">How long the key stays set; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call set the key; <see langword="false"/> while it was set already.</returns>
    ValueTask<bool> TrySetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);
}
