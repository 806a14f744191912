using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class EndpointMetadataTests
{
    [Fact]
    public async Task MapUserActivation_MapsFourNamedEndpointsDescribedForOpenApi()
    {
        await using TestApp app = await TestApp.StartAsync();

        List<RouteEndpoint> endpoints = Endpoints(app);

        endpoints.Select(e => (e.RoutePattern.RawText, e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)).Should().BeEquivalentTo(
        [
            ("/account/register", "UserActivation.Register"),
            ("/account/activate", "UserActivation.ActivationLanding"),
            ("/account/activate", "UserActivation.Activate"),
            ("/account/resend-activation", "UserActivation.ResendActivation"),
        ]);
        RouteEndpoint activate = endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "UserActivation.Activate");
        activate.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode)
            .Should().Contain([StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status410Gone, StatusCodes.Status503ServiceUnavailable]);
    }

    [Fact]
    public void MapUserActivation_ConventionsOnTheReturnedBuilder_ApplyToEveryEndpoint()
    {
        WebApplication app = TestApp.Build(null, null, null, "Production", null, out _, out _, out _);
        var marker = new object();

        IEndpointConventionBuilder conventions = app.MapUserActivation("/account");
        conventions.WithMetadata(marker);

        Endpoints(app).Should().HaveCount(4).And.OnlyContain(e => e.Metadata.Contains(marker));
    }

    private static List<RouteEndpoint> Endpoints(TestApp app) => Endpoints(app.App);

    private static List<RouteEndpoint> Endpoints(IEndpointRouteBuilder app) =>
        app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
}
