using Microsoft.Extensions.Logging;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Links;
using OneTimeLink.AspNetCore.Routing;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>Issues activation links and hands mail to the application's sender, at most one message per address per throttle window.</summary>
internal sealed class ActivationMailer(
    IOneTimeLinkService links,
    ActivationPurpose purpose,
    ActivationLinkBuilder linkBuilder,
    EmailThrottle throttle,
    ILogger<ActivationMailer> logger)
{
    /// <summary>Claims the throttle slot of <paramref name="email"/>; when it is taken, nothing is to be sent and nothing different is answered.</summary>
    public bool MaySendTo(string email)
    {
        if (throttle.TryAcquire(email))
        {
            return true;
        }

        Log.MailThrottled(logger, throttle.Window);
        return false;
    }

    public async ValueTask SendActivationLinkAsync(ActivationUser user, IActivationLinkSender sender, ActivationRoutes routes, CancellationToken cancellationToken)
    {
        IssuedLink issued = await links.IssueAsync(purpose.Name, user.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        Uri link = linkBuilder.BuildActivationLink(routes, issued.Token);
        await sender.SendActivationLinkAsync(user, link, issued.ExpiresAt, cancellationToken).ConfigureAwait(false);
        Log.ActivationLinkSent(logger, user.Id, issued.TokenId, issued.ExpiresAt);
    }

    public async ValueTask SendAccountExistsNoticeAsync(ActivationUser user, IActivationLinkSender sender, CancellationToken cancellationToken)
    {
        await sender.SendAccountExistsNoticeAsync(user, cancellationToken).ConfigureAwait(false);
        Log.AccountExistsNoticeSent(logger, user.Id);
    }
}
