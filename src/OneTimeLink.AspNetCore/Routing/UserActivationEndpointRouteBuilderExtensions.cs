using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Endpoints;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the account activation endpoints.</summary>
public static class UserActivationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the account activation endpoints under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>POST {prefix}/register</c> (<c>{ "email", "password" }</c>, JSON or form): 202, the same answer whether or not the email is taken.</item>
    /// <item><c>GET {prefix}/activate?token=…</c>: a landing page with an "Activate my account" button, or JSON; consumes nothing.</item>
    /// <item><c>POST {prefix}/activate</c> (<c>{ "token" }</c>, JSON or form): 200 <c>activated</c> or <c>already_active</c>, otherwise a problem with a <c>code</c>.</item>
    /// <item><c>POST {prefix}/resend-activation</c> (<c>{ "email" }</c>, JSON or form): 202, whatever the account's state.</item>
    /// </list>
    /// Requires <c>AddOneTimeLinks(...).AddUserActivation(...)</c> and registered <see cref="IUserActivationStore"/> and
    /// <see cref="IActivationLinkSender"/> services.
    /// </summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <param name="prefix">The path the endpoints are mapped under, a literal path such as <c>/account</c>.</param>
    /// <returns>
    /// A builder for conventions on all the endpoints at once, such as per-client rate limiting
    /// (<c>RequireRateLimiting</c>), CORS or OpenAPI tags.
    /// </returns>
    /// <exception cref="InvalidOperationException"><c>AddUserActivation</c> was not called.</exception>
    public static IEndpointConventionBuilder MapUserActivation(this IEndpointRouteBuilder endpoints, string prefix = "/account")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var routes = new ActivationRoutes(prefix);

        if (endpoints.ServiceProvider.GetService<ActivationPurpose>() is null)
        {
            throw new InvalidOperationException(
                "MapUserActivation needs the activation services: call builder.Services.AddOneTimeLinks(...).AddUserActivation(o => o.PublicBaseUri = ...) first.");
        }

        // The POST endpoints read their body themselves, as JSON or as a form, and answer any other content type with a
        // 400 problem. They carry no Accepts metadata: routing would answer a mismatch with a bare 415 before them.
        RouteGroupBuilder group = endpoints.MapGroup(routes.Prefix);
        group.AddEndpointFilter<SecurityHeadersFilter>();

        group.MapPost("/register", (
                HttpContext context,
                [FromServices] RegisterEndpoint endpoint,
                [FromServices] IUserActivationStore store,
                [FromServices] IActivationLinkSender sender) => endpoint.HandleAsync(context, store, sender, routes))
            .WithName("UserActivation.Register")
            .WithSummary("Registers an inactive account and emails its activation link.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/activate", (HttpContext context, [FromServices] ActivateEndpoint endpoint, [FromServices] IUserActivationStore store) =>
                endpoint.LandingAsync(context, store, routes))
            .WithName("UserActivation.ActivationLanding")
            .WithSummary("Shows what an activation link would do, consuming nothing: an HTML page with a confirm button, or JSON.")
            .Produces<LinkStatusResponse>(StatusCodes.Status200OK, "application/json", "text/html");

        group.MapPost("/activate", (HttpContext context, [FromServices] ActivateEndpoint endpoint, [FromServices] IUserActivationStore store) =>
                endpoint.ActivateAsync(context, store, routes))
            .WithName("UserActivation.Activate")
            .WithSummary("Redeems an activation link and activates the account.")
            .Produces<ActivationResponse>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/resend-activation", (
                HttpContext context,
                [FromServices] ResendActivationEndpoint endpoint,
                [FromServices] IUserActivationStore store,
                [FromServices] IActivationLinkSender sender) => endpoint.HandleAsync(context, store, sender, routes))
            .WithName("UserActivation.ResendActivation")
            .WithSummary("Emails a new activation link to an inactive account, superseding the older ones.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return new UserActivationConventionBuilder(group);
    }
}
