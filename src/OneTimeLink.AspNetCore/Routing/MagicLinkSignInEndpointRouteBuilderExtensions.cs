using Microsoft.AspNetCore.Builder;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Routing;
using OneTimeLink.AspNetCore.SignIn;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the passwordless sign-in endpoints.</summary>
public static class MagicLinkSignInEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the passwordless sign-in endpoints under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>POST {prefix}/sign-in-link</c> (<c>{ "email" }</c>, JSON or form): 202 and a request cookie binding the pending sign-in to this browser, the same for any address; a form post gets the "check your email" page.</item>
    /// <item><c>GET {prefix}/sign-in?token=…</c> (and HEAD): a landing page ("Sign in as a•••@example.com") with one button, or JSON; consumes nothing.</item>
    /// <item><c>POST {prefix}/sign-in</c> (<c>{ "token" }</c>): in the browser that asked, 200 <c>signed_in</c>; anywhere else 200 <c>approved</c>, signing in nobody there.</item>
    /// <item><c>GET {prefix}/sign-in/status</c>: <c>pending</c>, <c>signed_in</c> (the first call after an approval signs this browser in) or <c>expired</c>; as HTML the self-refreshing "check your email" page with the code form.</item>
    /// <item><c>POST {prefix}/sign-in/code</c> (<c>{ "code" }</c>): 200 <c>signed_in</c>; 400 <c>code_invalid</c>; the fifth wrong code ends the request, its code and its link (410 <c>link_revoked</c>).</item>
    /// </list>
    /// Requires <c>AddOneTimeLinks(...).AddMagicLinkSignIn(...)</c> and registered <see cref="IMagicLinkSignInStore"/> and
    /// <see cref="IMagicLinkSender"/> services.
    /// </summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <param name="prefix">The path the endpoints are mapped under, a literal path such as <c>/account</c>.</param>
    /// <returns>
    /// A builder for conventions on all the endpoints at once, such as per-client rate limiting
    /// (<c>RequireRateLimiting</c>), CORS or OpenAPI tags.
    /// </returns>
    /// <exception cref="InvalidOperationException"><c>AddMagicLinkSignIn</c> was not called.</exception>
    public static IEndpointConventionBuilder MapMagicLinkSignIn(this IEndpointRouteBuilder endpoints, string prefix = "/account") =>
        LinkFlowMapper.Map<MagicLinkSignInFlow>(endpoints, prefix, nameof(MapMagicLinkSignIn), "AddMagicLinkSignIn");
}
