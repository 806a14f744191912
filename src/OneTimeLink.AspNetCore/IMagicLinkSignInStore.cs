using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore;

/// <summary>
/// The application's user storage and sign-in, as passwordless sign-in uses them. Register it in DI; it may be scoped.
/// <see cref="ILinkFlowUserStore.FindByEmailAsync"/> finds the account a sign-in link is mailed to; only an active one
/// (<see cref="LinkFlowUser.IsActive"/>) ever gets one, so an unverified registration never becomes reachable through
/// a sign-in link.
/// </summary>
public interface IMagicLinkSignInStore : ILinkFlowUserStore
{
    /// <summary>
    /// Signs <paramref name="user"/> in on <paramref name="httpContext"/>: for example
    /// <c>httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal)</c>, or Identity's
    /// <c>SignInManager.SignInAsync</c>. Called only in the browser that asked for the link, once per link.
    /// </summary>
    /// <param name="user">The user, active, whose link or code was just used.</param>
    /// <param name="httpContext">The request of the browser being signed in; the session cookie goes on its response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the user is signed in; <see langword="false"/> when the account may not sign in now
    /// (locked out, disabled, not allowed by the application's rules), which is answered <c>sign_in_not_allowed</c>.
    /// </returns>
    ValueTask<bool> SignInAsync(LinkFlowUser user, HttpContext httpContext, CancellationToken cancellationToken);
}
