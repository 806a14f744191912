using Xunit.Sdk;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// Two instances of the sample app, A and B, as two processes sharing one SQLite file and one Redis, with A's address in
/// the emailed links: a site of two instances behind a load balancer. The SQLite file is deleted when disposed.
/// </summary>
internal sealed class SampleCluster : IAsyncDisposable
{
    private readonly string _directory;

    private SampleCluster(string directory)
    {
        _directory = directory;
    }

    public SampleInstance A { get; private set; } = null!;

    public SampleInstance B { get; private set; } = null!;

    public static async Task<SampleCluster> StartAsync(string redisConfiguration)
    {
        var cluster = new SampleCluster(Directory.CreateTempSubdirectory("onetimelink-scale-out-").FullName);
        try
        {
            int[] ports = Loopback.FreePorts(2);
            var a = new Uri($"http://127.0.0.1:{ports[0]}");
            var b = new Uri($"http://127.0.0.1:{ports[1]}");
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Sample"] = $"Data Source={Path.Combine(cluster._directory, "sample.db")}",
                ["ConnectionStrings:Redis"] = redisConfiguration,
                ["LinkFlows:PublicBaseUri"] = a.AbsoluteUri,
                ["RateLimiting:AccountPermitsPerMinute"] = "10000",
            };

            // One after the other: the first creates the database, which two first starts at once would race to do.
            cluster.A = await SampleInstance.StartAsync("A", a, settings);
            cluster.B = await SampleInstance.StartAsync("B", b, settings);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="test"/>; when it fails, the failure message ends with both instances' console output.</summary>
    public async Task ShowingOutputOnFailureAsync(Func<SampleInstance, SampleInstance, Task> test)
    {
        try
        {
            await test(A, B);
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex.Message}\n\n{A.Output()}\n{B.Output()}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The processes are killed before their files are deleted.
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
