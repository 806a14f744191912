using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>
/// Runs one Redis command the way every store of this package must: refused at once while the connection is known to
/// be down, bounded by the timeout otherwise, and any failure turned into <see cref="RedemptionStoreUnavailableException"/>
/// so the caller fails closed.
/// </summary>
internal sealed class RedisCommandGuard(RedisConnection connection, TimeSpan timeout)
{
    public TimeSpan Timeout => timeout;

    /// <param name="command">The command, given the database.</param>
    /// <param name="what">What the command does, for the exception's message: "record the redemption".</param>
    /// <param name="onUnavailable">Told of each refusal, for outage bookkeeping.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, string what, Action<Exception> onUnavailable, CancellationToken cancellationToken)
    {
        // The bound is on the network, so it runs on real time rather than the (possibly fake) TimeProvider.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        try
        {
            IConnectionMultiplexer redis = await connection.GetMultiplexerAsync().WaitAsync(deadline.Token).ConfigureAwait(false);
            if (!redis.IsConnected)
            {
                // Known to be down: a command now would only wait in the multiplexer's backlog for the whole timeout
                // while it reconnects in the background. Refusing at once keeps every request fast during an outage.
                var refused = new RedemptionStoreUnavailableException(
                    $"Redis is not connected, so the store did not {what} and refused at once; the connection is being " +
                    "re-established in the background, and the store answers again as soon as it is: check that Redis is running and reachable.");
                onUnavailable(refused);
                throw refused;
            }

            return await command(redis.GetDatabase()).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            onUnavailable(ex);
            throw new RedemptionStoreUnavailableException(
                $"Redis did not {what} (the store waits at most {timeout}): check that it is running, " +
                "reachable and writable, or raise RedisRedemptionStoreOptions.Timeout.",
                ex);
        }
    }
}
