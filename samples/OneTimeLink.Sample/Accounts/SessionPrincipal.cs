using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>The signed-in user as the session cookie carries them, whichever way they signed in (password or emailed link).</summary>
public static class SessionPrincipal
{
    /// <summary>The stamp goes into the cookie, so that <see cref="SessionCookieEvents"/> can end the session when the password changes.</summary>
    public static ClaimsPrincipal Of(SampleUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(SessionCookieEvents.SecurityStampClaimType, user.SecurityStamp),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));
}
