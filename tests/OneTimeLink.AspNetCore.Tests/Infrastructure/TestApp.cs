using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OneTimeLink.AspNetCore.Queue;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real ASP.NET Core application on the in-memory test server: <c>AddOneTimeLinks().AddUserActivation()</c>,
/// <c>MapUserActivation()</c>, an in-memory user store, a capturing sender, a fake clock and captured logs.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string PublicBase = "https://app.example";
    public const string Issuer = "https://app.example";
    public const string Audience = "app-links";
    public const string KeyId = "k1";
    public const string Purpose = UserActivationOptions.DefaultPurpose;
    public const string Password = "correct horse battery staple";
    public const string MePath = "/test/me";

    /// <summary>32 bytes, base64. A test key only.</summary>
    public const string Secret = "q0Zb6mJk3Ytq8Kc2w7vB1n4xL9pR5sT0uV2yZ8aD6eE=";

    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private TestApp(WebApplication app, FakeTimeProvider time, InMemoryUserStore store, CapturingLinkSender sender)
    {
        App = app;
        Time = time;
        Store = store;
        Sender = sender;
        Queue = app.Services.GetRequiredService<BackgroundWorkQueue>();
        Client = new HttpClient(new WaitForBackgroundWork(Queue) { InnerHandler = app.GetTestServer().CreateHandler() })
        {
            BaseAddress = app.GetTestServer().BaseAddress,
        };
        ImmediateClient = app.GetTestClient();
    }

    public WebApplication App { get; }

    /// <summary>Gets a client whose answers come back once the background work they queued has run.</summary>
    public HttpClient Client { get; }

    /// <summary>Gets a client that returns each answer as soon as it is written, while background work may still run.</summary>
    public HttpClient ImmediateClient { get; }

    public BackgroundWorkQueue Queue { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryUserStore Store { get; }

    public CapturingLinkSender Sender { get; }

    public IServiceProvider Services => App.Services;

    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public static async Task<TestApp> StartAsync(
        Action<UserActivationOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<OneTimeLinkOptions>? links = null,
        string environment = "Production",
        string prefix = "/account",
        Action<PasswordResetOptions>? reset = null,
        Action<MagicLinkSignInOptions>? signIn = null)
    {
        WebApplication app = Build(configure, services, links, environment, prefix, out FakeTimeProvider time, out InMemoryUserStore store, out CapturingLinkSender sender, reset, signIn);
        await app.StartAsync();
        return new TestApp(app, time, store, sender);
    }

    /// <summary>Builds the application without starting it, for tests of start-up itself; a null prefix maps nothing.</summary>
    public static WebApplication Build(
        Action<UserActivationOptions>? configure,
        Action<IServiceCollection>? services,
        Action<OneTimeLinkOptions>? links,
        string environment,
        string? prefix,
        out FakeTimeProvider time,
        out InMemoryUserStore store,
        out CapturingLinkSender sender,
        Action<PasswordResetOptions>? reset = null,
        Action<MagicLinkSignInOptions>? signIn = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();

        time = new FakeTimeProvider(Start);
        store = new InMemoryUserStore();
        sender = new CapturingLinkSender();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IUserActivationStore>(store);
        builder.Services.AddSingleton<IPasswordResetStore>(store);
        builder.Services.AddSingleton<IActivationLinkSender>(sender);
        builder.Services.AddSingleton<IPasswordResetLinkSender>(sender);
        builder.Services.AddSingleton<IMagicLinkSignInStore>(store);
        builder.Services.AddSingleton<IMagicLinkSender>(sender);
        builder.Services.AddAuthentication(InMemoryUserStore.Scheme).AddCookie(InMemoryUserStore.Scheme);
        services?.Invoke(builder.Services);

        builder.Services
            .AddOneTimeLinks(o =>
            {
                o.Issuer = Issuer;
                o.Audience = Audience;
                o.Keys.Add(new SigningKeyOptions { Id = KeyId, Algorithm = "HS256", Secret = Secret });
                links?.Invoke(o);
            })
            .AddUserActivation(o =>
            {
                o.PublicBaseUri = new Uri(PublicBase);
                configure?.Invoke(o);
            })
            .AddPasswordReset(o =>
            {
                o.PublicBaseUri = new Uri(PublicBase);
                reset?.Invoke(o);
            })
            .AddMagicLinkSignIn(o =>
            {
                o.PublicBaseUri = new Uri(PublicBase);
                signIn?.Invoke(o);
            });

        WebApplication app = builder.Build();
        if (prefix is not null)
        {
            app.MapUserActivation(prefix);
            app.MapPasswordReset(prefix);
            app.MapMagicLinkSignIn(prefix);
        }

        // Who this browser is signed in as, through the real cookie the sign-in flow's store issued.
        app.MapGet(MePath, (HttpContext context) => context.User.Identity?.IsAuthenticated == true
                ? Results.Text(context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value)
                : Results.Unauthorized())
            .ExcludeFromDescription();

        return app;
    }

    /// <summary>Registers <paramref name="email"/> with the test password and returns the link it was sent.</summary>
    public async Task<SentLink> RegisterAsync(string email)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/account/register", new { email, password = Password });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        return Sender.LastLinkTo(email);
    }

    /// <summary>Asks for a reset link for <paramref name="email"/> and returns the link it was sent.</summary>
    public async Task<SentLink> ForgotPasswordAsync(string email)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/account/forgot-password", new { email });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        return Sender.LastResetLinkTo(email);
    }

    /// <summary>A new browser, with an empty cookie jar, on https as in production.</summary>
    public TestBrowser NewBrowser() =>
        new(new WaitForBackgroundWork(Queue) { InnerHandler = App.GetTestServer().CreateHandler() }, new Uri("https://localhost/"));

    public Task<HttpResponseMessage> PostTokenAsync(string token, string path = "/account/activate") =>
        Client.PostAsJsonAsync(path, new { token });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        ImmediateClient.Dispose();
        await App.DisposeAsync();
    }
}
