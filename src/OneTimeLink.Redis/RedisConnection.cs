using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>
/// The one Redis connection of the process, shared by the store and the health check. It is made on first use, not at
/// start-up, and a connection the store made is closed with the service provider; one taken from the application's
/// services belongs to the application and is left open.
/// </summary>
internal sealed class RedisConnection : IDisposable, IAsyncDisposable
{
    private readonly RedisRedemptionStoreOptions _options;
    private readonly IServiceProvider _services;
    private readonly object _lock = new();
    private Task<IConnectionMultiplexer>? _multiplexer;
    private bool _disposed;

    public RedisConnection(IOptions<RedisRedemptionStoreOptions> options, IServiceProvider services)
    {
        _options = options.Value;
        _services = services;
    }

    private bool OwnsMultiplexer => !string.IsNullOrEmpty(_options.Configuration);

    /// <summary>Gets the multiplexer, connecting the first time. Callers bound the wait themselves.</summary>
    public Task<IConnectionMultiplexer> GetMultiplexerAsync()
    {
        Task<IConnectionMultiplexer>? multiplexer = Volatile.Read(ref _multiplexer);
        if (multiplexer is { IsFaulted: false, IsCanceled: false })
        {
            return multiplexer;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // A failed attempt is not kept, so the next caller tries again instead of failing forever. Connecting runs
            // on the thread pool: its synchronous part (parsing, resolving, the application's factory) would otherwise
            // run on the caller's thread, outside the caller's timeout.
            if (_multiplexer is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _multiplexer = OwnsMultiplexer
                    ? Task.Run(ConnectAsync)
                    : Task.Run(_services.GetRequiredService<IConnectionMultiplexer>);
            }

            return _multiplexer;
        }
    }

    public void Dispose() => DisposeWhenConnected(Detach());

    public ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? owned = Detach();
        if (owned is { IsCompletedSuccessfully: true })
        {
            return owned.Result.DisposeAsync();
        }

        DisposeWhenConnected(owned);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Closes the multiplexer now when it is made, or once it is when it is still connecting, so disposing never waits
    /// for a slow server.
    /// </summary>
    private static void DisposeWhenConnected(Task<IConnectionMultiplexer>? connecting)
    {
        connecting?.ContinueWith(
            static connected => connected.Result.Dispose(),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Marks the connection disposed; returns the multiplexer to close when the store made it.</summary>
    private Task<IConnectionMultiplexer>? Detach()
    {
        lock (_lock)
        {
            _disposed = true;
            Task<IConnectionMultiplexer>? multiplexer = _multiplexer;
            _multiplexer = null;
            return OwnsMultiplexer ? multiplexer : null;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        ConfigurationOptions configuration = ConfigurationOptions.Parse(_options.Configuration!);

        // Never throw for an unreachable server: the multiplexer keeps reconnecting in the background, and each
        // redemption fails on its own bounded timeout until Redis answers again.
        configuration.AbortOnConnectFail = false;
        int timeout = (int)Math.Ceiling(_options.Timeout.TotalMilliseconds);
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
