using Microsoft.AspNetCore.Builder;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Activation;
using OneTimeLink.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the account activation endpoints.</summary>
public static class UserActivationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the account activation endpoints under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>POST {prefix}/register</c> (<c>{ "email", "password" }</c>, JSON or form): 202 before any account work, the same answer whether or not the email is taken.</item>
    /// <item><c>GET {prefix}/activate?token=…</c> (and HEAD): a landing page with an "Activate my account" button, or JSON; consumes nothing.</item>
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
    public static IEndpointConventionBuilder MapUserActivation(this IEndpointRouteBuilder endpoints, string prefix = "/account") =>
        LinkFlowMapper.Map<UserActivationFlow>(endpoints, prefix, nameof(MapUserActivation), "AddUserActivation");
}
