using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Diagnostics;

namespace OneTimeLink.AspNetCore.Queue;

/// <summary>
/// Runs the request endpoints' account work after their answer was written: a bounded channel drained by a few
/// workers, each piece of work in a DI scope of its own. Bounded, so a flood of requests cannot grow memory: when it is
/// full, requests are refused alike (503 <c>busy</c>). Drained on shutdown: work already accepted still runs, until the
/// host's shutdown timeout cancels it.
/// </summary>
internal sealed class BackgroundWorkQueue : IHostedService, IDisposable
{
    private readonly Channel<WorkItem> _channel;
    private readonly int _workers;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly object _idleGate = new();
    private Task[] _running = [];
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public BackgroundWorkQueue(IOptions<BackgroundWorkQueueOptions> options, IServiceScopeFactory scopeFactory, ILogger<BackgroundWorkQueue> logger)
    {
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        _workers = options.Value.Workers;
        _scopeFactory = scopeFactory;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="work"/>, unless the queue is full or shutting down.</summary>
    /// <param name="description">What the work is, for the log when it fails: a flow and a request name, never personal data.</param>
    /// <param name="work">The work, given its scope's services and the queue's cancellation.</param>
    public bool TryEnqueue(string description, Func<IServiceProvider, CancellationToken, ValueTask> work)
    {
        lock (_idleGate)
        {
            if (!_channel.Writer.TryWrite(new WorkItem(description, work)))
            {
                return false;
            }

            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        return true;
    }

    /// <summary>Completes once every piece of work queued so far has run: for tests, which must not wait on a clock.</summary>
    internal Task WhenIdleAsync()
    {
        lock (_idleGate)
        {
            return _idle.Task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = [.. Enumerable.Range(0, _workers).Select(_ => Task.Run(RunAsync, CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        using CancellationTokenRegistration abortOnTimeout = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort);
        await Task.WhenAll(_running).ConfigureAwait(false);
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunAsync()
    {
        await foreach (WorkItem item in _channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                AsyncServiceScope scope = _scopeFactory.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await item.Work(scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // Only the exception's type: a store's or mail server's message may quote the address it failed on.
                Log.BackgroundWorkFailed(_logger, item.Description, ex.GetType().FullName ?? ex.GetType().Name);
            }
            finally
            {
                lock (_idleGate)
                {
                    if (--_pending == 0)
                    {
                        _idle.TrySetResult();
                    }
                }
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    private sealed record WorkItem(string Description, Func<IServiceProvider, CancellationToken, ValueTask> Work);
}
