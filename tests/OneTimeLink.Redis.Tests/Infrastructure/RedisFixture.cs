using StackExchange.Redis;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>One redis-server shared by a collection of tests, with a connection of the tests' own to look at its keys.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _inspector;

    /// <summary>Gets the server's StackExchange.Redis configuration string.</summary>
    public string Configuration => Server.Configuration;

    /// <summary>Gets a database to inspect what the store wrote, through a connection the store does not share.</summary>
    public IDatabase Database => (_inspector ?? throw NotStarted()).GetDatabase();

    private RedisServer Server => _server ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        // Without redis-server every test of the collection is skipped; with it required they fail on first use.
        if (RedisServer.Executable is not null)
        {
            _server = await RedisServer.StartAsync();
            _inspector = await ConnectionMultiplexer.ConnectAsync($"{_server.Configuration},allowAdmin=true");
        }
    }

    public async Task DisposeAsync()
    {
        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() =>
        new($"redis-server is not on PATH, and {RedisServer.RequireVariable}=1 requires the Redis tests to run: install it (apt-get install redis-server).");
}
