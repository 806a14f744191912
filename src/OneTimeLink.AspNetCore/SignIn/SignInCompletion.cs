using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// How the asking browser finishes a sign-in: its status (signed in by an approval from another device, taken once) or
/// its code (five attempts, counted before each is checked). Both need the request cookie, so neither can be driven
/// from a browser that did not ask.
/// </summary>
internal sealed class SignInCompletion(SignInRequestCookie cookie, PendingSignIns pending, ILogger<SignInCompletion> logger)
{
    private static readonly string[] s_codeErrors = [MagicLinkSignInFlow.CodeInvalid.Detail];

    public async Task<IResult> StatusAsync(HttpContext context, LinkFlowEndpoints handlers, CancellationToken cancellationToken)
    {
        var flow = (MagicLinkSignInFlow)handlers.Flow;
        LinkOutcome outcome;
        try
        {
            outcome = await StatusOfAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.SignInStepFailed(logger, "status", ex.GetType().FullName ?? ex.GetType().Name);
            outcome = LinkOutcome.StoreUnavailable;
        }

        if (ContentNegotiation.PrefersJson(context.Request))
        {
            return outcome.Succeeded ? LinkFlowAnswers.Succeeded(outcome) : LinkFlowAnswers.Problem(outcome, flow.LinkNoun, null);
        }

        if (outcome == MagicLinkSignInFlow.Pending)
        {
            return handlers.Page(context, SignInPages.Pending(handlers.Pages, flow, context.Request));
        }

        return flow.RedirectFor(outcome, context.Request) is { } path
            ? LinkFlowAnswers.SeeOther(context, context.Request.PathBase + path)
            : handlers.Page(context, handlers.Pages.Outcome(context.Request, outcome, onLanding: false));
    }

    public async Task<IResult> CodeAsync(HttpContext context, LinkFlowEndpoints handlers, CancellationToken cancellationToken)
    {
        var flow = (MagicLinkSignInFlow)handlers.Flow;
        bool html = ContentNegotiation.WantsHtmlAnswerToPost(context.Request);
        RequestBody<LinkFlowRequestBody> body = await LinkFlowEndpoints.ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(handlers.Pipeline.Logger, context.Request.Path, body.Error);
            return LinkFlowAnswers.InvalidRequest(body.Error);
        }

        LinkOutcome outcome;
        try
        {
            outcome = await CheckCodeAsync(context, flow, handlers.Pipeline, body.Value.Code, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.SignInStepFailed(logger, "code", ex.GetType().FullName ?? ex.GetType().Name);
            outcome = LinkOutcome.StoreUnavailable;
        }

        if (html && outcome == MagicLinkSignInFlow.CodeInvalid)
        {
            handlers.Pipeline.Metrics.Rejected(flow.Name, outcome.Code);
            return handlers.Page(context, SignInPages.Pending(handlers.Pages, flow, context.Request, StatusCodes.Status400BadRequest, new Dictionary<string, string[]> { [InputRules.CodeField] = s_codeErrors }));
        }

        return handlers.Answer(context, outcome, html);
    }

    /// <summary>Signs this browser in as <paramref name="user"/> and forgets its pending requests, unless the store refuses the account now.</summary>
    public async ValueTask<LinkOutcome> SignInAsync(IMagicLinkSignInStore store, LinkFlowUser user, HttpContext context, string tokenId, string means, CancellationToken cancellationToken)
    {
        if (!await store.SignInAsync(user, context, cancellationToken).ConfigureAwait(false))
        {
            Log.SignInNotAllowed(logger, user.Id);
            return MagicLinkSignInFlow.SignInNotAllowed;
        }

        cookie.Clear(context);
        Log.SignedIn(logger, user.Id, tokenId, means);
        return MagicLinkSignInFlow.SignedIn;
    }

    private async ValueTask<LinkOutcome> StatusOfAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (cookie.Current(context.Request) is not { } request)
        {
            return MagicLinkSignInFlow.Expired;
        }

        // Both reads at once: one round trip to a shared store, whatever the answer.
        Task<SignInApproval?> approval = pending.TakeApprovalAsync(request, cancellationToken).AsTask();
        Task<bool> exhausted = pending.IsExhaustedAsync(request.Key, cancellationToken).AsTask();
        await Task.WhenAll(approval, exhausted).ConfigureAwait(false);
        if (await approval.ConfigureAwait(false) is { } approved)
        {
            return await SignInApprovedAsync(context, approved, "approval", cancellationToken).ConfigureAwait(false);
        }

        return await exhausted.ConfigureAwait(false) ? MagicLinkSignInFlow.Expired : MagicLinkSignInFlow.Pending;
    }

    private async ValueTask<LinkOutcome> CheckCodeAsync(HttpContext context, MagicLinkSignInFlow flow, LinkFlowPipeline pipeline, string? typed, CancellationToken cancellationToken)
    {
        // Without the request cookie a code is no attempt at anything: refused, and nothing is counted or ended.
        if (string.IsNullOrWhiteSpace(typed) || cookie.Current(context.Request) is not { } request)
        {
            return MagicLinkSignInFlow.CodeInvalid;
        }

        // The attempt is counted before the code is looked at, atomically, so no number of concurrent guesses on any
        // number of instances gets more than five codes checked. The credential is read at the same time, for every
        // request alike: one round trip whether or not a mail went out.
        Task<long> counted = pending.CountCodeAttemptAsync(request, cancellationToken).AsTask();
        Task<PendingCredential?> found = pending.FindAsync(request, cancellationToken).AsTask();
        await Task.WhenAll(counted, found).ConfigureAwait(false);
        long attempt = await counted.ConfigureAwait(false);
        PendingCredential? credential = await found.ConfigureAwait(false);
        if (attempt > PendingSignIns.MaxCodeAttempts)
        {
            return LinkOutcome.LinkRevoked;
        }

        if (PendingSignIns.Open(request, credential, SignInCode.Normalize(typed)) is not { } token)
        {
            Log.SignInCodeRefused(logger, attempt, PendingSignIns.MaxCodeAttempts);
            if (attempt < PendingSignIns.MaxCodeAttempts)
            {
                return MagicLinkSignInFlow.CodeInvalid;
            }

            await pending.RevokeAsync(request, credential, cancellationToken).ConfigureAwait(false);
            pipeline.Metrics.CodesExhausted(flow.Name);
            Log.SignInCodesExhausted(logger, PendingSignIns.MaxCodeAttempts, credential?.TokenId);
            return LinkOutcome.LinkRevoked;
        }

        // The code is the link in another form: redeeming the token uses both up, with every check the link gets.
        LinkFlowLookup lookup = LinkFlowLookup.Start();
        LinkValidationResult redeemed = await pipeline.Links.RedeemAsync(token, flow.Purpose, cancellationToken).ConfigureAwait(false);
        if (!redeemed.Succeeded)
        {
            // The link was confirmed elsewhere first: that approved this browser, so the code finishes the same sign-in.
            if (redeemed.Failure == LinkFailure.AlreadyRedeemed && await pending.TakeApprovalAsync(request, cancellationToken).ConfigureAwait(false) is { } approved)
            {
                return await SignInApprovedAsync(context, approved, "code after approval", cancellationToken).ConfigureAwait(false);
            }

            Log.LinkRefused(pipeline.Logger, flow.Name, redeemed.TokenId, LinkOutcome.Of(redeemed.Failure).Code, redeemed.Failure);
            return LinkOutcome.Of(redeemed.Failure);
        }

        IMagicLinkSignInStore store = context.RequestServices.GetRequiredService<IMagicLinkSignInStore>();
        return await lookup.FindAsync(store, redeemed.Subject, cancellationToken).ConfigureAwait(false) is { IsActive: true } user
            ? await SignInAsync(store, user, context, redeemed.TokenId, "code", cancellationToken).ConfigureAwait(false)
            : LinkOutcome.LinkRevoked;
    }

    private async ValueTask<LinkOutcome> SignInApprovedAsync(HttpContext context, SignInApproval approved, string means, CancellationToken cancellationToken)
    {
        IMagicLinkSignInStore store = context.RequestServices.GetRequiredService<IMagicLinkSignInStore>();
        return await store.FindByIdAsync(approved.UserId, cancellationToken).ConfigureAwait(false) is { IsActive: true } user
            ? await SignInAsync(store, user, context, approved.TokenId, means, cancellationToken).ConfigureAwait(false)
            : MagicLinkSignInFlow.Expired;
    }
}
