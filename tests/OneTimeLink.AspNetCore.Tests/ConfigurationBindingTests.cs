using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Queue;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task AddUserActivation_FromConfiguration_BindsEveryOptionAndEmailsLinksOnThatBase()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UserActivation:PublicBaseUri"] = "https://configured.example/app/",
            ["UserActivation:TokenPlacement"] = "Fragment",
            ["UserActivation:PasswordMinLength"] = "12",
            ["UserActivation:EmailThrottleWindow"] = "00:05:00",
        });
        var sender = new CapturingLinkSender();
        builder.Services.AddSingleton<IUserActivationStore>(new InMemoryUserStore());
        builder.Services.AddSingleton<IActivationLinkSender>(sender);
        builder.Services
            .AddOneTimeLinks(o =>
            {
                o.Issuer = TestApp.Issuer;
                o.Audience = TestApp.Audience;
                o.Keys.Add(new SigningKeyOptions { Id = TestApp.KeyId, Secret = TestApp.Secret });
            })
            .AddUserActivation(builder.Configuration.GetSection("UserActivation"));
        await using WebApplication app = builder.Build();
        app.MapUserActivation();
        await app.StartAsync();

        UserActivationOptions options = app.Services.GetRequiredService<IOptions<UserActivationOptions>>().Value;
        using HttpResponseMessage response = await app.GetTestClient().PostAsync(
            "/account/register",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "ann@example.com", ["password"] = "long enough password" }));
        await app.Services.GetRequiredService<BackgroundWorkQueue>().WhenIdleAsync();

        options.PublicBaseUri.Should().Be(new Uri("https://configured.example/app/"));
        options.TokenPlacement.Should().Be(LinkTokenPlacement.Fragment);
        options.PasswordMinLength.Should().Be(12);
        options.EmailThrottleWindow.Should().Be(TimeSpan.FromMinutes(5));
        sender.LastLinkTo("ann@example.com").Link.AbsoluteUri.Should().StartWith("https://configured.example/app/account/activate#token=");
    }
}
