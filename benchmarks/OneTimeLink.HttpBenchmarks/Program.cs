using System.Security.Cryptography;
using OneTimeLink;
using OneTimeLink.AspNetCore;
using OneTimeLink.HttpBenchmarks;

// The activation endpoints as an application maps them, and baseline endpoints of the same shape beside them, in one
// process on Kestrel; benchmarks/http/run.sh drives both with wrk. Production settings: environment Production,
// logging at Warning, no listener on the meter or the activity source.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var store = new BenchmarkUserStore();
var sender = new DiscardingLinkSender();
builder.Services.AddSingleton<IUserActivationStore>(store);
builder.Services.AddSingleton<IActivationLinkSender>(sender);
builder.Services.AddOneTimeLinks(o =>
    {
        o.Issuer = "https://app.example.com";
        o.Audience = "app-links";
        o.Keys.Add(new SigningKeyOptions { Id = "bench", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
    })
    .AddUserActivation(o => o.PublicBaseUri = new Uri("https://app.example.com/"));

WebApplication app = builder.Build();

app.MapUserActivation("/account");
app.MapBaselines("/baseline");

// For run.sh only: inactive users and their links, issued as the register endpoint's background work issues them.
app.MapPost("/bench/links", async (IOneTimeLinkService links, CancellationToken cancellationToken) =>
{
    string stamp = Guid.NewGuid().ToString("N");
    LinkFlowUser valid = (await store.CreateInactiveUserAsync($"valid-{stamp}@example.com", "unused-password", cancellationToken))!;
    LinkFlowUser used = (await store.CreateInactiveUserAsync($"used-{stamp}@example.com", "unused-password", cancellationToken))!;
    IssuedLink validLink = await links.IssueAsync(UserActivationOptions.DefaultPurpose, valid.Id, cancellationToken: cancellationToken);
    IssuedLink usedLink = await links.IssueAsync(UserActivationOptions.DefaultPurpose, used.Id, cancellationToken: cancellationToken);
    return TypedResults.Text($"{validLink.Token} {usedLink.Token}\n");
});

// For run.sh only: how much background work the register runs did.
app.MapGet("/bench/stats", () => TypedResults.Text($"users={store.Count} links={sender.Links} notices={sender.Notices}\n"));

if (args.Contains("--handler-cost"))
{
    await app.StartAsync();
    IOneTimeLinkService service = app.Services.GetRequiredService<IOneTimeLinkService>();
    LinkFlowUser validUser = (await store.CreateInactiveUserAsync("valid@example.com", "unused-password", CancellationToken.None))!;
    LinkFlowUser usedUser = (await store.CreateInactiveUserAsync("used@example.com", "unused-password", CancellationToken.None))!;
    string valid = (await service.IssueAsync(UserActivationOptions.DefaultPurpose, validUser.Id)).Token;
    string used = (await service.IssueAsync(UserActivationOptions.DefaultPurpose, usedUser.Id)).Token;
    await service.RedeemAsync(used, UserActivationOptions.DefaultPurpose);
    await store.ActivateAsync(usedUser.Id, CancellationToken.None);
    await HandlerCost.RunAsync(app, valid, used, """{"token":"eyJnYXJiYWdlIjp0cnVlfQ.bm90IGpzb24.c2lnbmF0dXJl"}""");
    await HandlerCost.ValidateAloneAsync(service, valid, used);
    await app.StopAsync();
    return;
}

app.Run();
