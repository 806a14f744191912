// Native-AOT smoke test: issue, validate and redeem a link with options bound from configuration, as a published
// native executable. Exits non-zero when anything is not as expected.
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink;

IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["OneTimeLinks:Issuer"] = "https://aot.example",
    ["OneTimeLinks:Audience"] = "aot-links",
    ["OneTimeLinks:Keys:0:Id"] = "aot",
    ["OneTimeLinks:Keys:0:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["OneTimeLinks:Purposes:activate-account:Lifetime"] = "00:10:00",
}).Build();

var services = new ServiceCollection();
services.AddOneTimeLinks(configuration.GetSection("OneTimeLinks"));
await using ServiceProvider provider = services.BuildServiceProvider();
IOneTimeLinkService links = provider.GetRequiredService<IOneTimeLinkService>();

IssuedLink link = await links.IssueAsync("activate-account", "user-42");
LinkValidationResult validated = await links.ValidateAsync(link.Token, "activate-account");
LinkValidationResult redeemed = await links.RedeemAsync(link.Token, "activate-account");
LinkValidationResult replayed = await links.RedeemAsync(link.Token, "activate-account");
LinkValidationResult forged = await links.RedeemAsync(link.Token[..^2] + "AA", "activate-account");

bool ok = validated.Succeeded
    && redeemed.Succeeded && redeemed.Subject == "user-42"
    && replayed.Failure == LinkFailure.AlreadyRedeemed
    && forged.Failure == LinkFailure.InvalidSignature;

Console.WriteLine($"issued {link.TokenId} ({link.Token.Length} chars); validate: {validated.Failure}; redeem: {redeemed.Failure}; replay: {replayed.Failure}; forged: {forged.Failure}");
Console.WriteLine(ok ? "AOT smoke test passed" : "AOT smoke test FAILED");
return ok ? 0 : 1;
