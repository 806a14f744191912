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
builder.Services.AddScoped<EfUserActivationStore>();
builder.Services.AddScoped<IUserActivationStore>(sp => sp.GetRequiredService<EfUserActivationStore>());
builder.Services.AddScoped<IActivationLinkSender, DevMailboxSender>();

// One-time links: keys and purposes from the "OneTimeLinks" section, endpoints' settings from "UserActivation".
IOneTimeLinkBuilder links = builder.Services.AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"))
    .AddUserActivation(builder.Configuration.GetSection("UserActivation"));

// The in-memory redemption store makes a link single-use within this process only. Several instances behind a load
// balancer must share the record of redeemed links, or a link used on one would still work on the others: given a
// Redis connection string, they share it in Redis, and /health tells the orchestrator when Redis is unreachable.
string? redis = builder.Configuration.GetConnectionString("Redis");
if (!string.IsNullOrWhiteSpace(redis))
{
    links.AddRedisRedemptionStore(redis);
    builder.Services.AddHealthChecks().AddRedisRedemptionStoreHealthCheck();
}

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.Cookie.Name = "onetimelink-sample";
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();

// Per-client throttling of the account endpoints with ASP.NET Core's rate limiter (the adapter throttles per email itself).
int permitsPerMinute = builder.Configuration.GetValue("RateLimiting:AccountPermitsPerMinute", 30);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("account", context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
});

WebApplication app = builder.Build();

await SampleDatabase.EnsureCreatedAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapGet("/", (IHostEnvironment environment) => HomePage.Render(environment.IsDevelopment()));
app.MapUserActivation("/account").RequireRateLimiting("account");
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
