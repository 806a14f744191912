using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class EndpointMetadataTests
{
    [Fact]
    public async Task MapEveryFlow_MapsNamedEndpointsDescribedForOpenApi()
    {
        await using TestApp app = await TestApp.StartAsync();

        List<RouteEndpoint> endpoints = Endpoints(app);

        endpoints.Select(e => (e.RoutePattern.RawText, e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)).Should().BeEquivalentTo(
        [
            ("/account/register", "UserActivation.Register"),
            ("/account/activate", "UserActivation.ActivateLanding"),
            ("/account/activate", "UserActivation.Activate"),
            ("/account/resend-activation", "UserActivation.ResendActivation"),
            ("/account/forgot-password", "PasswordReset.ForgotPassword"),
            ("/account/reset-password", "PasswordReset.ResetPasswordLanding"),
            ("/account/reset-password", "PasswordReset.ResetPassword"),
            ("/account/sign-in-link", "MagicLinkSignIn.SignInLink"),
            ("/account/sign-in", "MagicLinkSignIn.SignInLanding"),
            ("/account/sign-in", "MagicLinkSignIn.SignIn"),
            ("/account/sign-in/status", "MagicLinkSignIn.SignInStatus"),
            ("/account/sign-in/code", "MagicLinkSignIn.SignInCode"),
        ]);
        RouteEndpoint activate = endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "UserActivation.Activate");
        activate.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode)
            .Should().Contain([StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status410Gone, StatusCodes.Status503ServiceUnavailable]);
        RouteEndpoint code = endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "MagicLinkSignIn.SignInCode");
        code.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode)
            .Should().Contain([StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status410Gone]);
        code.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes.Should().Equal("application/json", "application/x-www-form-urlencoded");
    }

    [Fact]
    public void MapUserActivation_ConventionsOnTheReturnedBuilder_ApplyToEveryEndpoint()
    {
        WebApplication app = TestApp.Build(null, null, null, "Production", null, out _, out _, out _);
        var marker = new object();

        IEndpointConventionBuilder conventions = app.MapUserActivation("/account");
        conventions.WithMetadata(marker);
        app.MapPasswordReset("/account");

        Endpoints(app).Should().HaveCount(7);
        Endpoints(app).Where(e => e.Metadata.Contains(marker)).Should().HaveCount(4, "the conventions of one Map call reach its own endpoints only");
    }

    [Fact]
    public async Task MapUserActivation_ReturnedBuilder_TakesTheAppsPerClientRateLimiting()
    {
        await using WebApplication app = TestApp.Build(
            null,
            s => s.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.AddFixedWindowLimiter("activation", w => (w.PermitLimit, w.Window, w.QueueLimit) = (1, TimeSpan.FromHours(1), 0));
            }),
            null,
            "Production",
            null,
            out _,
            out _,
            out _);
        app.UseRateLimiter();
        app.MapUserActivation().RequireRateLimiting("activation");
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage first = await client.PostAsJsonAsync("/account/resend-activation", new { email = "ann@example.com" });
        using HttpResponseMessage second = await client.PostAsJsonAsync("/account/resend-activation", new { email = "bob@example.com" });

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    private static List<RouteEndpoint> Endpoints(TestApp app) => Endpoints(app.App);

    /// <summary>The flows' endpoints, without the test application's own <see cref="TestApp.MePath"/>.</summary>
    private static List<RouteEndpoint> Endpoints(IEndpointRouteBuilder app) =>
        app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText != TestApp.MePath).ToList();
}
