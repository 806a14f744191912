using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>Passwordless sign-in: the browser that asked for the emailed link gets the same session cookie as <c>POST /login</c> gives.</summary>
public sealed partial class EfUserStore : IMagicLinkSignInStore
{
    public async ValueTask<bool> SignInAsync(LinkFlowUser user, HttpContext httpContext, CancellationToken cancellationToken)
    {
        SampleUser? stored = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.Id, cancellationToken);
        if (stored is not { IsActive: true })
        {
            return false;
        }

        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.Of(stored));
        return true;
    }
}
