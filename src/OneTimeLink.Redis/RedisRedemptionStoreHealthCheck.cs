using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>Healthy when Redis answers a PING within the store's timeout; tells orchestrators that redemptions would fail.</summary>
internal sealed class RedisRedemptionStoreHealthCheck : IHealthCheck
{
    private readonly RedisConnection _connection;
    private readonly TimeSpan _timeout;

    public RedisRedemptionStoreHealthCheck(RedisConnection connection, TimeSpan timeout)
    {
        _connection = connection;
        _timeout = timeout;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            IConnectionMultiplexer redis = await _connection.GetMultiplexerAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            TimeSpan latency = await redis.GetDatabase().PingAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered PING in {latency.TotalMilliseconds:0.###} ms.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Redis did not answer PING within {_timeout}: one-time links that must be single use are refused until it does.",
                ex);
        }
    }
}
