using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>
/// The sample app in memory against its own temporary SQLite file. Throttles are off unless a test sets them: the mail
/// throttle (one mail per address per minute across flows) and the sign-in throttle would otherwise decide tests that
/// are about something else.
/// </summary>
public sealed class SampleFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"onetimelink-sample-{Guid.NewGuid():N}.db");
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    public SampleFactory(string environment = "Development", Dictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? [];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Sample", $"Data Source={_databasePath}");
        builder.UseSetting("RateLimiting:AccountPermitsPerMinute", "1000");
        builder.UseSetting("LinkFlows:EmailThrottleWindow", "00:00:00");
        builder.UseSetting("LoginThrottle:AttemptsPerAddress", "1000");
        builder.UseSetting("LoginThrottle:AttemptsPerClient", "1000");
        foreach ((string key, string? value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
