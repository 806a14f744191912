using Microsoft.AspNetCore.Builder;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.PasswordReset;
using OneTimeLink.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the password reset endpoints.</summary>
public static class PasswordResetEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the password reset endpoints under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>POST {prefix}/forgot-password</c> (<c>{ "email" }</c>, JSON or form): 202 before any account work, whether or not the address has an account.</item>
    /// <item><c>GET {prefix}/reset-password?token=…</c> (and HEAD): a page with a new-password form, or JSON; consumes nothing.</item>
    /// <item><c>POST {prefix}/reset-password</c> (<c>{ "token", "password" }</c>, JSON or form): 200 <c>password_reset</c>; a refused password is a 400 validation problem and leaves the link usable; otherwise a problem with a <c>code</c>.</item>
    /// </list>
    /// Requires <c>AddOneTimeLinks(...).AddPasswordReset(...)</c> and registered <see cref="IPasswordResetStore"/> and
    /// <see cref="IPasswordResetLinkSender"/> services.
    /// </summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <param name="prefix">The path the endpoints are mapped under, a literal path such as <c>/account</c>.</param>
    /// <returns>A builder for conventions on all the endpoints at once, such as per-client rate limiting.</returns>
    /// <exception cref="InvalidOperationException"><c>AddPasswordReset</c> was not called.</exception>
    public static IEndpointConventionBuilder MapPasswordReset(this IEndpointRouteBuilder endpoints, string prefix = "/account") =>
        LinkFlowMapper.Map<PasswordResetFlow>(endpoints, prefix, nameof(MapPasswordReset), "AddPasswordReset");
}
