using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Routing;

/// <summary>Maps a flow's declared endpoints onto the shared handlers, with the same metadata for every flow.</summary>
internal static class LinkFlowMapper
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly string[] s_landingMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointConventionBuilder Map<TFlow>(IEndpointRouteBuilder endpoints, string prefix, string mapMethod, string addMethod)
        where TFlow : LinkFlow
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var routes = new LinkFlowRoutes(prefix);

        TFlow flow = endpoints.ServiceProvider.GetService<TFlow>() ?? throw new InvalidOperationException(
            $"{mapMethod} needs the flow's services: call builder.Services.AddOneTimeLinks(...).{addMethod}(o => o.PublicBaseUri = ...) first.");
        var handlers = new LinkFlowEndpoints(flow, routes, endpoints.ServiceProvider.GetRequiredService<LinkFlowPipeline>());

        // The bodies are read by the pipeline itself, as JSON or a form and bounded in size; the Accepts metadata
        // documents them (OpenAPI request schemas) and makes routing answer any other content type with 415.
        RouteGroupBuilder group = endpoints.MapGroup(routes.Prefix);
        group.AddEndpointFilter<SecurityHeadersFilter>();

        foreach (LinkRequest request in flow.Requests)
        {
            group.MapPost(request.Path, (HttpContext context, CancellationToken cancellationToken) => handlers.RequestAsync(context, request, cancellationToken))
                .WithName($"{flow.EndpointNamePrefix}.{request.Name}")
                .WithSummary(request.Summary)
                .Accepts(request.BodyType, Json, Form)
                .Produces<AcceptedResponse>(StatusCodes.Status202Accepted, Json, "text/html")
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        LinkConfirm confirm = flow.Confirm;
        group.MapMethods(confirm.Path, s_landingMethods, (HttpContext context, CancellationToken cancellationToken) => handlers.LandingAsync(context, cancellationToken))
            .WithName($"{flow.EndpointNamePrefix}.{confirm.Name}Landing")
            .WithSummary(confirm.LandingSummary)
            .Produces<LinkStatusResponse>(StatusCodes.Status200OK, Json, "text/html");

        RouteHandlerBuilder confirmEndpoint = group.MapPost(confirm.Path, (HttpContext context, CancellationToken cancellationToken) => handlers.ConfirmAsync(context, cancellationToken))
            .WithName($"{flow.EndpointNamePrefix}.{confirm.Name}")
            .WithSummary(confirm.ConfirmSummary)
            .Accepts(confirm.BodyType, Json, Form)
            .Produces<LinkFlowResponse>(StatusCodes.Status200OK, Json, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (confirm.TakesPassword)
        {
            confirmEndpoint.ProducesValidationProblem();
        }

        foreach (LinkFlowEndpoint own in flow.Endpoints)
        {
            RouteHandlerBuilder endpoint = group.MapMethods(own.Path, [own.Method], (HttpContext context, CancellationToken cancellationToken) => own.HandleAsync(context, handlers, cancellationToken))
                .WithName($"{flow.EndpointNamePrefix}.{own.Name}")
                .WithSummary(own.Summary)
                .Produces<LinkFlowResponse>(StatusCodes.Status200OK, Json, "text/html");
            if (own.BodyType is { } body)
            {
                endpoint.Accepts(body, Json, Form);
            }

            foreach (int status in own.ProblemStatuses)
            {
                endpoint.ProducesProblem(status);
            }
        }

        return new LinkFlowConventionBuilder(group);
    }
}
