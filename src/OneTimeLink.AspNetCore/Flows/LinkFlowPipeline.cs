using Microsoft.Extensions.Logging;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Links;
using OneTimeLink.AspNetCore.Queue;
using OneTimeLink.AspNetCore.Throttling;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>The parts every flow shares, one instance for all of them: one queue, one throttle, one renderer, one set of counters.</summary>
internal sealed class LinkFlowPipeline(
    IOneTimeLinkService links,
    BackgroundWorkQueue queue,
    EmailThrottle throttle,
    LinkUriBuilder uris,
    ILinkPageRenderer renderer,
    LinkFlowMetrics metrics,
    UnconfirmedLandings landings,
    ILogger<LinkFlowPipeline> logger)
{
    public IOneTimeLinkService Links { get; } = links;

    public BackgroundWorkQueue Queue { get; } = queue;

    public LinkUriBuilder Uris { get; } = uris;

    public ILinkPageRenderer Renderer { get; } = renderer;

    public LinkFlowMetrics Metrics { get; } = metrics;

    public UnconfirmedLandings Landings { get; } = landings;

    public ILogger Logger { get; } = logger;

    public async ValueTask<bool> TryClaimMailAsync(LinkFlow flow, LinkFlowUser user, CancellationToken cancellationToken)
    {
        if (await throttle.TryAcquireAsync(user.Id, flow.Options.EmailThrottleWindow, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        Log.MailThrottled(Logger, flow.Name, user.Id, flow.Options.EmailThrottleWindow);
        return false;
    }

    public async ValueTask<LinkForMail> IssueLinkAsync(LinkFlow flow, LinkFlowRoutes routes, LinkFlowUser user, LinkIssueOptions? options, CancellationToken cancellationToken)
    {
        IssuedLink issued = await Links.IssueAsync(flow.Purpose, user.Id, options, cancellationToken).ConfigureAwait(false);
        Uri link = Uris.BuildLink(flow.Options, routes.Of(flow.Confirm.Path), issued.Token);
        return new LinkForMail(link, issued.ExpiresAt, issued.TokenId, issued.Token);
    }
}
