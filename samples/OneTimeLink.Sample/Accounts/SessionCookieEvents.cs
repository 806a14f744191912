using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OneTimeLink.Sample.Accounts;

/// <summary>
/// The sign-in cookie's events. The cookie carries the security stamp the user had at sign-in; every request checks it
/// against the database, so a password reset (which changes the stamp) ends every other session at once, as
/// Identity's <c>SecurityStampValidator</c> does (it checks every 30 minutes by default; one indexed lookup per request
/// is cheap enough here). APIs get status codes instead of redirects to a login page.
/// </summary>
public sealed class SessionCookieEvents(EfUserStore users) : CookieAuthenticationEvents
{
    /// <summary>The claim that holds the user's security stamp at sign-in.</summary>
    public const string SecurityStampClaimType = "onetimelink-sample:security-stamp";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        string? userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        string? stamp = context.Principal?.FindFirstValue(SecurityStampClaimType);
        if (userId is null || stamp is null
            || !await users.IsSessionCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            // Not signed in for this request, and the stale cookie is deleted so the browser stops sending it.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
