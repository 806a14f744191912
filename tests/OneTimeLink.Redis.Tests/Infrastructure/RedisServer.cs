using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free 127.0.0.1 port, without persistence, that a test can kill and start again on the
/// same port. It is killed (with its process tree) when disposed.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string RequireVariable = "ONETIMELINK_REQUIRE_REDIS";

    private static readonly TimeSpan s_startStopLimit = TimeSpan.FromSeconds(15);

    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
    }

    /// <summary>Gets the full path of <c>redis-server</c> on PATH, or null.</summary>
    public static string? Executable { get; } = FindOnPath("redis-server");

    /// <summary>Gets why the Redis tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Executable is null && Environment.GetEnvironmentVariable(RequireVariable) != "1"
            ? $"redis-server is not on PATH: install it (apt-get install redis-server) to run the Redis tests; {RequireVariable}=1 makes its absence a failure."
            : null;

    public int Port { get; }

    /// <summary>Gets the StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(Loopback.FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (Executable is null)
        {
            throw new InvalidOperationException($"redis-server is not on PATH, and {RequireVariable}=1 requires the Redis tests to run: install it (apt-get install redis-server).");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var limit = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || limit.Elapsed > s_startStopLimit)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port} within {s_startStopLimit}. Its output:\n{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Kills the server, as a crash would, and waits until its port refuses connections.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        process.Kill(entireProcessTree: true);
        using var limit = new CancellationTokenSource(s_startStopLimit);
        await process.WaitForExitAsync(limit.Token);
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }

        _process?.Dispose();
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), limit.Token);
            byte[] answer = new byte[7];
            int read = await stream.ReadAtLeastAsync(answer, 7, throwOnEndOfStream: false, limit.Token);
            return read == 7 && answer.AsSpan().SequenceEqual("+PONG\r\n"u8);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
