using Microsoft.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// A link flow, declared: its purpose and options, its request endpoints, its link endpoints and what confirming a
/// link does. Everything else — reading bodies, answering 202 before any account work, the background queue, the
/// shared throttle, landing pages that consume nothing, redemption, the outcome table, pages, problems, headers,
/// metrics and logs — is the shared <see cref="LinkFlowPipeline"/>'s, so a flow is only what makes it different.
/// </summary>
internal abstract class LinkFlow(string name, string purpose)
{
    /// <summary>Gets the flow's name, one of <see cref="LinkFlowNames"/>.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the link purpose the flow issues and redeems.</summary>
    public string Purpose { get; } = purpose;

    /// <summary>Gets the flow's options; read on first use, after start-up validated them, never while endpoints are mapped.</summary>
    public abstract LinkFlowOptions Options { get; }

    /// <summary>Gets the length a password of the flow's must have, for the flows whose endpoints take one.</summary>
    public virtual PasswordRule PasswordRule => throw new NotSupportedException($"The {Name} flow takes no password.");

    /// <summary>Gets the prefix of the flow's endpoint names, such as <c>UserActivation</c>.</summary>
    public abstract string EndpointNamePrefix { get; }

    /// <summary>Gets what the flow's links are called in the built-in words, such as "activation link".</summary>
    public abstract string LinkNoun { get; }

    /// <summary>Gets the request endpoint that sends a new link, where refused links point (its path, under the prefix).</summary>
    public abstract string NewLinkPath { get; }

    public abstract IReadOnlyList<LinkRequest> Requests { get; }

    public abstract LinkConfirm Confirm { get; }

    /// <summary>Gets the endpoints only this flow has, mapped beside the shared ones; none for most flows.</summary>
    public virtual IReadOnlyList<LinkFlowEndpoint> Endpoints => [];

    /// <summary>
    /// Gets whether a link whose redemption was recorded may be used again while the user's state is unchanged. True for
    /// flows whose action changes the state (activation, reset): the state is checked before the redemption, so a
    /// redeemed link whose state still matches proves the action did not complete (a store timeout after the record was
    /// written, a user store that threw), and retrying it is the same single action, not a second one.
    /// </summary>
    public virtual bool RetriesWhileStateUnchanged => false;

    /// <summary>
    /// Reads a refused link the flow's way, such as "already active" for an activation link; null leaves the shared
    /// outcome. <paramref name="lookup"/> holds the user the state check found, if it got that far.
    /// </summary>
    public virtual ValueTask<LinkOutcome?> RecognizeRefusalAsync(
        LinkValidationResult refused,
        LinkFlowLookup lookup,
        IServiceProvider services,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<LinkOutcome?>(null);

    /// <summary>The store's own rules for a new password, checked before the link is redeemed.</summary>
    public virtual ValueTask<IReadOnlyList<string>> CheckPasswordAsync(string userId, string password, IServiceProvider services, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([]);

    /// <summary>The page a browser's form post to a request endpoint is answered with: "check your email" by default.</summary>
    /// <param name="pages">The mapped flow's pages.</param>
    /// <param name="context">The request.</param>
    /// <param name="binding">What the request's <see cref="LinkRequest.BindToBrowser"/> returned, if it has one.</param>
    public virtual LinkPage AcceptedPage(LinkFlowPages pages, HttpContext context, object? binding) => pages.Accepted();

    /// <summary>The landing page of a link that works; flows whose words depend on the link or the browser override it.</summary>
    public virtual LinkPage LandingPage(LinkFlowPages pages, HttpContext context, string token, LinkValidationResult validated, LinkFlowLookup lookup) =>
        pages.Landing(context.Request, token, validated.ExpiresAt);

    /// <summary>Where a browser is sent (303 See Other) instead of being shown <paramref name="outcome"/>'s page; null shows the page.</summary>
    public virtual string? RedirectFor(LinkOutcome outcome, HttpRequest request) => null;

    /// <summary>Does what the redeemed link is for, and says how it went.</summary>
    public abstract ValueTask<LinkOutcome> ConfirmAsync(LinkConfirmation confirmation);
}
