namespace OneTimeLink;

/// <summary>
/// The link flows' shared, expiring state — per-account mail throttles, pending passwordless sign-ins, their approvals
/// and code attempts — kept next to the redemptions: in memory by default, in Redis with <c>AddRedisRedemptionStore</c>,
/// so a limit set on one application instance holds on every other and any instance can complete any step.
/// </summary>
/// <remarks>
/// Every operation is one atomic step on one key, because several instances may race on it. Keys and values carry no
/// personal data and no usable secret: the flows store hashes, and ciphertexts whose keys they do not store. Like
/// <see cref="IRedemptionStore"/>, a store that cannot answer throws; the flows then send nothing and refuse the step.
/// </remarks>
public interface ILinkFlowStateStore
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> for <paramref name="lifetime"/> unless it is set already.</summary>
    /// <param name="key">The key, such as <c>throttle:{hash}</c>.</param>
    /// <param name="value">The value to keep.</param>
    /// <param name="lifetime">How long the key stays set; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call set the key; <see langword="false"/> while it was set already, which leaves it as it was.</returns>
    ValueTask<bool> TrySetAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Reads the value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value; <see langword="null"/> when the key is not set or has expired.</returns>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads and removes <paramref name="key"/> in one step, so of any number of concurrent takes exactly one gets the value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, for the one call that took it; <see langword="null"/> for every other call.</returns>
    ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to the counter <paramref name="key"/>, creating it at 1 with <paramref name="lifetime"/> when it is not set;
    /// later increments keep the first expiry, so a counter cannot be kept alive by using it.
    /// </summary>
    /// <param name="key">The counter's key.</param>
    /// <param name="lifetime">How long a new counter lives; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counter's value after this call: concurrent calls each get a different one.</returns>
    ValueTask<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);
}
