using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// The sample app, built from <c>samples/OneTimeLink.Sample</c>, running as an OS process of its own on a 127.0.0.1 port
/// in the Development environment: one instance of a site behind a load balancer. Its console output is kept for
/// failure messages; it is killed, with its process tree, when disposed.
/// </summary>
internal sealed class SampleInstance : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    /// <summary>A bound, not a wait: a cold start of the app takes a few seconds even on a busy machine.</summary>
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_stopLimit = TimeSpan.FromSeconds(15);

    /// <summary>A bound, not a wait: the mail is written a moment after the 202.</summary>
    private static readonly TimeSpan s_mailLimit = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private SampleInstance(string name, Uri baseAddress, Process process, StringBuilder output)
    {
        Name = name;
        BaseAddress = baseAddress;
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Gets the path of the sample's built <c>OneTimeLink.Sample.dll</c>, which the test project's build builds.</summary>
    public static string AppPath { get; } = typeof(SampleInstance).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OneTimeLink.Sample")
        .Value!;

    public string Name { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Gets the .NET host that runs these tests, to run the sample with the same runtime.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Starts the sample on <paramref name="baseAddress"/> with <paramref name="settings"/> on its command line, and waits until it answers.</summary>
    public static async Task<SampleInstance> StartAsync(string name, Uri baseAddress, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(AppPath))
        {
            throw new InvalidOperationException($"The sample app is not built at {AppPath}: build tests/OneTimeLink.Redis.Tests, which builds it.");
        }

        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(AppPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPath);
        start.ArgumentList.Add("--urls=" + baseAddress.GetLeftPart(UriPartial.Authority));
        start.ArgumentList.Add("--environment=Development");
        foreach ((string key, string value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var output = new StringBuilder();
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Instance {name} did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new SampleInstance(name, baseAddress, process, output);
        try
        {
            await instance.WaitUntilAnsweringAsync();
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    /// <summary>Gets what the process wrote to stdout and stderr so far, under a heading naming the instance.</summary>
    public string Output()
    {
        lock (_output)
        {
            return $"----- instance {Name} ({BaseAddress}) stdout and stderr -----\n{_output}";
        }
    }

    /// <summary>Registers <paramref name="email"/> through JSON, as a script or SPA would.</summary>
    public async Task RegisterAsync(string email)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/account/register", new { email, password = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, "instance {0} accepts the registration of {1}", Name, email);
    }

    /// <summary>
    /// Waits for the newest activation link sent to <paramref name="email"/> in the dev mailbox (SQLite, so shared by the
    /// instances). The sample answers a registration before it sends the mail, so the mailbox is polled, in short steps,
    /// up to a bound only a broken instance reaches.
    /// </summary>
    public async Task<Uri> LatestLinkToAsync(string email)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
            request.Headers.Accept.ParseAdd("application/json");
            using HttpResponseMessage response = await Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            JsonElement messages = await response.Content.ReadFromJsonAsync<JsonElement>();
            JsonElement? newest = messages.EnumerateArray()
                .Where(m => m.GetProperty("to").GetString() == email && m.GetProperty("kind").GetString() == "activation")
                .Select(m => (JsonElement?)m)
                .FirstOrDefault();
            if (newest is { } message)
            {
                return new Uri(message.GetProperty("link").GetString()!);
            }

            if (elapsed.Elapsed > s_mailLimit)
            {
                throw new InvalidOperationException($"Instance {Name}: no activation mail to {email} within {s_mailLimit}.\n{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>Posts <paramref name="token"/> to <c>/account/activate</c> as JSON; returns the status and the answer's code.</summary>
    public async Task<ActivationAnswer> ActivateAsync(string token)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/account/activate", new { token });
        string body = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json")
        {
            JsonElement json = JsonDocument.Parse(body).RootElement;
            code = json.TryGetProperty("code", out JsonElement problemCode) ? problemCode.GetString()
                : json.TryGetProperty("status", out JsonElement status) && status.ValueKind == JsonValueKind.String ? status.GetString()
                : null;
        }

        return new ActivationAnswer(Name, response.StatusCode, code, body);
    }

    /// <summary>The token of an emailed activation link.</summary>
    public static string TokenOf(Uri link)
    {
        string parameters = link.Fragment.Length > 0 ? link.Fragment[1..] : link.Query;
        return QueryHelpers.ParseQuery(parameters)["token"].Single()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var limit = new CancellationTokenSource(s_stopLimit);
            await _process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Polls <c>GET /</c> until it answers 200, the process exits, or <see cref="s_startLimit"/> passes.</summary>
    private async Task WaitUntilAnsweringAsync()
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited with code {_process.ExitCode} before answering.\n{Output()}");
            }

            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using HttpResponseMessage response = await Client.GetAsync(new Uri("/", UriKind.Relative), attempt.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Not listening yet.
            }

            if (elapsed.Elapsed > s_startLimit)
            {
                throw new InvalidOperationException($"Instance {Name} did not answer GET / within {s_startLimit}.\n{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
