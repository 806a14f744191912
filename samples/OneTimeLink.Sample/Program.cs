using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Accounts;
using OneTimeLink.Sample.Data;
using OneTimeLink.Sample.Endpoints;
using OneTimeLink.Sample.Mail;
using OneTimeLink.Sample.Pages;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss ";
});

// Users and the dev mailbox live in SQLite; a relative path is resolved against the app's folder.
builder.Services.AddDbContext<SampleDbContext>(o => o.UseSqlite(SampleDatabase.ConnectionString(builder.Configuration, builder.Environment)));
builder.Services.AddScoped<IPasswordHasher<SampleUser>, PasswordHasher<SampleUser>>();

// One store and one sender serve every flow; the flows resolve them in scopes of their own.
builder.Services.AddScoped<EfUserStore>();
builder.Services.AddScoped<IUserActivationStore>(sp => sp.GetRequiredService<EfUserStore>());
builder.Services.AddScoped<IPasswordResetStore>(sp => sp.GetRequiredService<EfUserStore>());
builder.Services.AddScoped<IMagicLinkSignInStore>(sp => sp.GetRequiredService<EfUserStore>());
builder.Services.AddScoped<DevMailboxSender>();
builder.Services.AddScoped<IActivationLinkSender>(sp => sp.GetRequiredService<DevMailboxSender>());
builder.Services.AddScoped<IPasswordResetLinkSender>(sp => sp.GetRequiredService<DevMailboxSender>());
builder.Services.AddScoped<IMagicLinkSender>(sp => sp.GetRequiredService<DevMailboxSender>());

// Every page of the flows in the sample's own layout.
builder.Services.AddSingleton<ILinkPageRenderer, SamplePageRenderer>();

// One-time links: keys and purposes from the "OneTimeLinks" section. Every flow reads "LinkFlows": the site's public
// address and its sign-in page are the same whichever link a mail carries.
IConfigurationSection linkFlows = builder.Configuration.GetSection("LinkFlows");
IOneTimeLinkBuilder links = builder.Services.AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"))
    .AddUserActivation(linkFlows)
    .AddPasswordReset(linkFlows)
    .AddMagicLinkSignIn(linkFlows);

// The in-memory redemption store makes a link single-use within this process only. Several instances behind a load
// balancer must share the record of redeemed links, or a link used on one would still work on the others: given a
// Redis connection string, they share it in Redis, and /health tells the orchestrator when Redis is unreachable.
string? redis = builder.Configuration.GetConnectionString("Redis");
if (!string.IsNullOrWhiteSpace(redis))
{
    links.AddRedisRedemptionStore(redis);
    builder.Services.AddHealthChecks().AddRedisRedemptionStoreHealthCheck();
}

// The cookie carries the user's security stamp and is checked against it on every request (SessionCookieEvents), so
// a password reset signs the user out everywhere. Outside Development it is sent over https only.
builder.Services.AddScoped<SessionCookieEvents>();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.Cookie.Name = "onetimelink-sample";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        o.EventsType = typeof(SessionCookieEvents);
    });
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();

// Per-client throttling of the flows' endpoints with ASP.NET Core's rate limiter (the flows throttle mail per address
// themselves), and the sign-in throttle, per client and per address, which POST /login asks once it has read the form.
int permitsPerMinute = builder.Configuration.GetValue("RateLimiting:AccountPermitsPerMinute", 30);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("account", context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
});
builder.Services.AddOptions<LoginThrottleOptions>()
    .Bind(builder.Configuration.GetSection("LoginThrottle"), o => o.ErrorOnUnknownConfiguration = true)
    .Validate(o => o.AttemptsPerAddress > 0 && o.AttemptsPerClient > 0 && o.Window > TimeSpan.Zero, "LoginThrottle: attempts and window must be positive.")
    .ValidateOnStart();
builder.Services.AddSingleton<LoginThrottle>();

WebApplication app = builder.Build();

await SampleDatabase.EnsureCreatedAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapGet("/", (IHostEnvironment environment) => HomePage.Render(environment.IsDevelopment()));
app.MapUserActivation("/account").RequireRateLimiting("account");
app.MapPasswordReset("/account").RequireRateLimiting("account");
app.MapMagicLinkSignIn("/account").RequireRateLimiting("account");
app.MapSignIn();
if (!string.IsNullOrWhiteSpace(redis))
{
    app.MapHealthChecks("/health");
}

if (app.Environment.IsDevelopment())
{
    app.MapDevMailbox();
}

app.Run();

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
