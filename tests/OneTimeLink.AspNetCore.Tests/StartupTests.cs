using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_OutsideDevelopmentWithoutPublicBaseUri_FailsNamingTheSetting()
    {
        OptionsValidationException error = await StartFailsAsync(o => o.PublicBaseUri = null);

        error.Message.Should().Contain("UserActivationOptions.PublicBaseUri is required outside Development").And.Contain("https://example.com");
    }

    [Theory]
    [InlineData("http://app.example", "must use https outside Development")]
    [InlineData("https://app.example/?x=1", "must have no user info, query or fragment")]
    [InlineData("https://user:secret@app.example", "must have no user info, query or fragment")]
    public async Task Start_OutsideDevelopmentWithAnUnfitPublicBaseUri_FailsNamingTheSetting(string uri, string reason)
    {
        OptionsValidationException error = await StartFailsAsync(o => o.PublicBaseUri = new Uri(uri));

        error.Message.Should().Contain("UserActivationOptions.PublicBaseUri").And.Contain(reason).And.NotContain("secret");
    }

    [Fact]
    public async Task Start_WithARelativePublicBaseUri_Fails()
    {
        OptionsValidationException error = await StartFailsAsync(o => o.PublicBaseUri = new Uri("/app", UriKind.Relative));

        error.Message.Should().Contain("UserActivationOptions.PublicBaseUri").And.Contain("is not absolute");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost:5080")]
    public async Task Start_InDevelopment_AcceptsNoPublicBaseUriOrHttp(string? uri)
    {
        await using TestApp app = await TestApp.StartAsync(o => o.PublicBaseUri = uri is null ? null : new Uri(uri), environment: "Development");

        SentLink sent = await app.RegisterAsync("ann@example.com");

        sent.Link.Scheme.Should().Be("http");
    }

    [Fact]
    public async Task Start_WithBadLimits_FailsWithEveryProblem()
    {
        OptionsValidationException error = await StartFailsAsync(o =>
        {
            o.PasswordMinLength = 0;
            o.PasswordMaxLength = -1;
            o.EmailMaxLength = 2;
            o.EmailThrottleWindow = TimeSpan.FromSeconds(-1);
        });

        error.Failures.Should().HaveCount(4);
        error.Message.Should().Contain("PasswordMinLength").And.Contain("PasswordMaxLength").And.Contain("EmailMaxLength").And.Contain("EmailThrottleWindow");
    }

    [Fact]
    public async Task Start_WithoutAStore_FailsNamingIt()
    {
        OptionsValidationException error = await StartFailsAsync(services: s => s.RemoveAll<IUserActivationStore>());

        error.Message.Should().Contain("No IUserActivationStore is registered");
    }

    [Fact]
    public async Task Start_ActivationPurposeConfiguredByTheApp_KeepsItsLifetimeButAlwaysBindsState()
    {
        await using TestApp app = await TestApp.StartAsync(
            links: o => o.Purposes[TestApp.Purpose] = new LinkPurposeOptions { Lifetime = TimeSpan.FromMinutes(15), BindState = false });

        LinkPurposeOptions purpose = app.Services.GetRequiredService<IOptions<OneTimeLinkOptions>>().Value.Purposes[TestApp.Purpose];
        SentLink sent = await app.RegisterAsync("ann@example.com");

        purpose.BindState.Should().BeTrue();
        purpose.Lifetime.Should().Be(TimeSpan.FromMinutes(15));
        sent.ExpiresAt.Should().Be(TestApp.Start.AddMinutes(15));
    }

    [Fact]
    public void MapUserActivation_WithoutAddUserActivation_ThrowsSayingWhatToCall()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        using WebApplication app = builder.Build();

        Action map = () => app.MapUserActivation();

        map.Should().Throw<InvalidOperationException>().WithMessage("*AddUserActivation*");
    }

    [Theory]
    [InlineData("/{tenant}/account")]
    [InlineData("/account?x")]
    public void MapUserActivation_WithANonLiteralPrefix_Throws(string prefix)
    {
        Action build = () => TestApp.Build(null, null, null, "Production", prefix, out _, out _, out _);

        build.Should().Throw<ArgumentException>().WithParameterName("prefix");
    }

    private static async Task<OptionsValidationException> StartFailsAsync(
        Action<UserActivationOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        await using WebApplication app = TestApp.Build(configure, services, null, "Production", "/account", out _, out _, out _);

        Func<Task> start = () => app.StartAsync();

        return (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
    }
}
