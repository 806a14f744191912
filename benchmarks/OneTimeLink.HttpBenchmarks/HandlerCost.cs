using System.Diagnostics;
using System.Text;
using OneTimeLink.AspNetCore;

namespace OneTimeLink.HttpBenchmarks;

/// <summary>
/// <c>--handler-cost</c>: each scenario's endpoint called in process, without Kestrel or sockets, on one thread: the
/// CPU time and the bytes allocated per request of the flow's handler and of its baseline. Where an HTTP ratio is
/// missed, this says whether the handler is the difference and how much of it is allocation.
/// </summary>
internal static class HandlerCost
{
    public static async Task RunAsync(WebApplication app, string validToken, string usedToken, string garbageBody)
    {
        Endpoint[] endpoints = [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints];
        (string Name, string Method, string Path, string Query, string? Body)[] cases =
        [
            ("garbage POST, baseline", "POST", "/baseline/activate", "", garbageBody),
            ("garbage POST, OneTimeLink", "POST", "/account/activate", "", garbageBody),
            ("valid landing, baseline", "GET", "/baseline/activate", "?token=" + validToken, null),
            ("valid landing, OneTimeLink", "GET", "/account/activate", "?token=" + validToken, null),
            ("used landing, baseline", "GET", "/baseline/activate-used", "?token=" + usedToken, null),
            ("used landing, OneTimeLink", "GET", "/account/activate", "?token=" + usedToken, null),
        ];

        // Twice, and only the second pass printed: the first lets tiered compilation finish for every case.
        for (int pass = 0; pass < 2; pass++)
        {
            foreach ((string name, string method, string path, string query, string? body) in cases)
            {
                await MeasureAsync(app, endpoints, name, method, path, query, body, print: pass == 1);
            }
        }
    }

    private static async Task MeasureAsync(WebApplication app, Endpoint[] endpoints, string name, string method, string path, string query, string? body, bool print)
    {
        {
            RequestDelegate handler = Find(endpoints, method, path);
            byte[] bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
            int status = 0;
            async Task CallAsync()
            {
                await using AsyncServiceScope scope = app.Services.CreateAsyncScope();
                var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                context.Request.Method = method;
                context.Request.Path = path;
                context.Request.QueryString = new QueryString(query);
                if (body is not null)
                {
                    context.Request.ContentType = "application/json";
                    context.Request.ContentLength = bytes.Length;
                    context.Request.Body = new MemoryStream(bytes, writable: false);
                }

                context.Response.Body = Stream.Null;
                await handler(context);
                status = context.Response.StatusCode;
            }

            for (int i = 0; i < 20_000; i++)
            {
                await CallAsync();
            }

            const int Calls = 100_000;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Calls; i++)
            {
                await CallAsync();
            }

            clock.Stop();
            double cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / Calls;
            long bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Calls;
            if (print)
            {
                Console.WriteLine($"{name,-28} {status} {clock.Elapsed.TotalMilliseconds * 1000 / Calls,7:F2} µs wall {cpuMicroseconds,7:F2} µs CPU {bytesPerCall,7} B allocated");
            }
        }
    }

    /// <summary>The library call inside the landings, alone: what the handler costs beyond it is the adapter's.</summary>
    public static async Task ValidateAloneAsync(IOneTimeLinkService links, string validToken, string usedToken)
    {
        foreach ((string name, string token) in new[] { ("ValidateAsync, valid link", validToken), ("ValidateAsync, used link", usedToken) })
        {
            for (int i = 0; i < 20_000; i++)
            {
                await links.ValidateAsync(token, UserActivationOptions.DefaultPurpose);
            }

            const int Calls = 100_000;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Calls; i++)
            {
                await links.ValidateAsync(token, UserActivationOptions.DefaultPurpose);
            }

            clock.Stop();
            double cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / Calls;
            long bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Calls;
            Console.WriteLine($"{name,-32} {clock.Elapsed.TotalMilliseconds * 1000 / Calls,7:F2} µs wall {cpuMicroseconds,7:F2} µs CPU {bytesPerCall,7} B allocated");
        }
    }

    private static RequestDelegate Find(Endpoint[] endpoints, string method, string path) =>
        endpoints.OfType<RouteEndpoint>().First(e =>
            "/" + e.RoutePattern.RawText!.TrimStart('/') == path
            && e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains(method)).RequestDelegate!;
}
