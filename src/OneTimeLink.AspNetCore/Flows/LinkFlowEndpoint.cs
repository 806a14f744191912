namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// An endpoint only one flow has, beside the shared request, landing and confirm endpoints (sign-in's status and code),
/// declared so the shared mapper gives it the same group, headers and OpenAPI metadata as the others.
/// </summary>
/// <param name="Name">The name, for the endpoint name: <c>SignInStatus</c> names <c>MagicLinkSignIn.SignInStatus</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under the flow's prefix.</param>
/// <param name="Summary">The OpenAPI summary.</param>
/// <param name="BodyType">The documented JSON body, for a POST; null for a GET.</param>
/// <param name="ProblemStatuses">The problem statuses it may answer, for OpenAPI.</param>
/// <param name="HandleAsync">The handler, given the flow's shared handlers for answers and pages.</param>
internal sealed record LinkFlowEndpoint(
    string Name,
    string Method,
    string Path,
    string Summary,
    Type? BodyType,
    IReadOnlyList<int> ProblemStatuses,
    Func<Microsoft.AspNetCore.Http.HttpContext, LinkFlowEndpoints, CancellationToken, Task<Microsoft.AspNetCore.Http.IResult>> HandleAsync);
