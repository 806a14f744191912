using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Tests.Infrastructure;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// The ASP.NET Core activation endpoints on the in-memory test server, with their redemptions in Redis: an in-memory
/// user store, a capturing sender and the real clock.
/// </summary>
internal sealed class RedisAdapterApp : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    /// <summary>A bound, not a wait: the link is sent a moment after the 202.</summary>
    private static readonly TimeSpan s_mailLimit = TimeSpan.FromSeconds(10);

    private RedisAdapterApp(WebApplication app, InMemoryUserStore store, CapturingLinkSender sender)
    {
        App = app;
        Store = store;
        Sender = sender;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public InMemoryUserStore Store { get; }

    public CapturingLinkSender Sender { get; }

    public static async Task<RedisAdapterApp> StartAsync(string redisConfiguration, TimeSpan timeout)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();

        var store = new InMemoryUserStore();
        var sender = new CapturingLinkSender();
        builder.Services.AddSingleton<IUserActivationStore>(store);
        builder.Services.AddSingleton<IActivationLinkSender>(sender);
        builder.Services
            .AddOneTimeLinks(o =>
            {
                o.Issuer = TestLinks.Issuer;
                o.Audience = TestLinks.Audience;
                o.Keys.Add(new SigningKeyOptions { Id = "k1", Algorithm = "HS256", Secret = TestLinks.Secret });
            })
            .AddUserActivation(o => o.PublicBaseUri = new Uri("https://app.example"))
            .AddRedisRedemptionStore(o =>
            {
                o.Configuration = redisConfiguration;
                o.Timeout = timeout;
            });

        WebApplication app = builder.Build();
        app.MapUserActivation("/account");
        await app.StartAsync();
        return new RedisAdapterApp(app, store, sender);
    }

    /// <summary>
    /// Registers <paramref name="email"/> and returns the link it was sent. The endpoint answers before the flows' background
    /// queue sends the link, so the sender is polled, in short steps, up to a bound only a broken app reaches.
    /// </summary>
    public async Task<SentLink> RegisterAsync(string email)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/account/register", new { email, password = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var elapsed = Stopwatch.StartNew();
        while (!Sender.Links.Any(l => string.Equals(l.User.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            elapsed.Elapsed.Should().BeLessThan(s_mailLimit, "the activation link to {0} is sent a moment after the 202", email);
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        return Sender.LastLinkTo(email);
    }

    public Task<HttpResponseMessage> PostTokenAsync(string token) =>
        Client.PostAsJsonAsync("/account/activate", new { token });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
