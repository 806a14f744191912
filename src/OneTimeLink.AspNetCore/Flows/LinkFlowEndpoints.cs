using Microsoft.AspNetCore.Http;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// The shared pipeline's handlers for one mapped flow: request (answer 202 before any account work), landing (consume
/// nothing), confirm (check, redeem, act). The flow only supplies what differs; every answer goes through the outcome
/// table, the page renderer and the problem details here.
/// </summary>
internal sealed class LinkFlowEndpoints(LinkFlow flow, LinkFlowRoutes routes, LinkFlowPipeline pipeline)
{
    private readonly LinkFlowPages _pages = new(flow, routes);

    public LinkFlow Flow => flow;

    public LinkFlowRoutes Routes => routes;

    public LinkFlowPipeline Pipeline => pipeline;

    public LinkFlowPages Pages => _pages;

    public async Task<IResult> RequestAsync(HttpContext context, LinkRequest request, CancellationToken cancellationToken)
    {
        HttpRequest http = context.Request;
        bool html = ContentNegotiation.WantsHtmlAnswerToPost(http);

        RequestBody<LinkFlowRequestBody> body = await ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(pipeline.Logger, http.Path, body.Error);
            return LinkFlowAnswers.InvalidRequest(body.Error);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? email = InputRules.CheckEmail(body.Value.Email, flow.Options.EmailMaxLength, errors);
        string? password = request.TakesPassword ? InputRules.CheckPassword(body.Value.Password, flow.PasswordRule, errors) : null;
        if (email is null || errors.Count > 0)
        {
            Log.InvalidRequest(pipeline.Logger, http.Path, "invalid fields: " + string.Join(", ", errors.Keys));
            return html ? Page(context, _pages.InvalidRequest(errors)) : LinkFlowAnswers.InvalidFields(errors);
        }

        // Nothing about the account is looked at before the answer: lookups, hashing, issuing and mail all run later, so
        // the answer is the same bytes in the same time whatever the account's state.
        object? binding = request.BindToBrowser?.Invoke(context);
        bool queued = pipeline.Queue.TryEnqueue(
            $"{flow.Name}.{request.Name}",
            (services, cancellationToken) => request.RunAsync(new LinkRequestWork(flow, routes, pipeline, services, email, password, binding, cancellationToken)));
        if (!queued)
        {
            Log.QueueFull(pipeline.Logger, flow.Name);
            context.Response.Headers.RetryAfter = LinkFlowAnswers.BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return html ? Page(context, _pages.Outcome(http, LinkOutcome.Busy, onLanding: false)) : LinkFlowAnswers.Problem(LinkOutcome.Busy, flow.LinkNoun, null);
        }

        pipeline.Metrics.Requested(flow.Name, request.Name);
        return html ? Page(context, flow.AcceptedPage(_pages, context, binding)) : LinkFlowAnswers.Accepted();
    }

    public async Task<IResult> LandingAsync(HttpContext context, CancellationToken cancellationToken)
    {
        HttpRequest http = context.Request;
        bool json = ContentNegotiation.PrefersJson(http);
        IResult answer;

        if (http.Query[InputRules.TokenField] is not { Count: 1 } values || values[0] is not { Length: > 0 } token)
        {
            Log.LinkRefused(pipeline.Logger, flow.Name, null, LinkOutcome.LinkInvalid.Code, LinkFailure.Malformed);
            answer = LandingRefusal(context, LinkOutcome.LinkInvalid, null, json);
        }
        else
        {
            LinkFlowLookup lookup = LinkFlowLookup.Start();
            LinkValidationResult result = await pipeline.Links.ValidateAsync(token, flow.Purpose, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                pipeline.Metrics.Landed(flow.Name, "link_valid");
                pipeline.Landings.Landed(flow.Name, result.TokenId);
                answer = json ? LinkFlowAnswers.Status(true, null, result.ExpiresAt) : Page(context, flow.LandingPage(_pages, context, token, result, lookup));
            }
            else
            {
                LinkOutcome outcome = await ClassifyAsync(result, lookup, context.RequestServices, cancellationToken).ConfigureAwait(false);
                answer = LandingRefusal(context, outcome, result.ExpiresAt, json);
            }
        }

        return HttpMethods.IsHead(http.Method) ? new HeadResult(answer) : answer;
    }

    public async Task<IResult> ConfirmAsync(HttpContext context, CancellationToken cancellationToken)
    {
        HttpRequest http = context.Request;
        bool html = ContentNegotiation.WantsHtmlAnswerToPost(http);

        RequestBody<LinkFlowRequestBody> body = await ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(pipeline.Logger, http.Path, body.Error);
            return LinkFlowAnswers.InvalidRequest(body.Error);
        }

        if (body.Value.Token is not { Length: > 0 } token)
        {
            Log.LinkRefused(pipeline.Logger, flow.Name, null, LinkOutcome.LinkInvalid.Code, LinkFailure.Malformed);
            return Answer(context, LinkOutcome.LinkInvalid, html);
        }

        LinkFlowLookup lookup = LinkFlowLookup.Start();
        string? password = null;
        if (flow.Confirm.TakesPassword)
        {
            // A refused password must never use the link up: every check of it comes before the redemption, and a link
            // that could not be used anyway is answered as such first.
            LinkValidationResult validated = await pipeline.Links.ValidateAsync(token, flow.Purpose, cancellationToken).ConfigureAwait(false);
            if (!validated.Succeeded)
            {
                return Answer(context, await ClassifyAsync(validated, lookup, context.RequestServices, cancellationToken).ConfigureAwait(false), html);
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            password = InputRules.CheckPassword(body.Value.Password, flow.PasswordRule, errors);
            if (password is null)
            {
                Log.InvalidRequest(pipeline.Logger, http.Path, "invalid fields: " + string.Join(", ", errors.Keys));
                return PasswordRefused(context, token, validated.ExpiresAt, errors, html);
            }

            IReadOnlyList<string> problems = await flow.CheckPasswordAsync(validated.Subject, password, context.RequestServices, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                Log.PasswordRefused(pipeline.Logger, validated.Subject, validated.TokenId);
                errors[InputRules.PasswordField] = [.. problems];
                return PasswordRefused(context, token, validated.ExpiresAt, errors, html);
            }
        }

        LinkValidationResult redeemed = await pipeline.Links.RedeemAsync(token, flow.Purpose, cancellationToken).ConfigureAwait(false);
        if (!redeemed.Succeeded)
        {
            if (redeemed.Failure != LinkFailure.AlreadyRedeemed || !flow.RetriesWhileStateUnchanged)
            {
                return Answer(context, await ClassifyAsync(redeemed, lookup, context.RequestServices, cancellationToken).ConfigureAwait(false), html);
            }

            Log.IncompleteRedemptionRetried(pipeline.Logger, flow.Name, redeemed.TokenId!, redeemed.Subject!);
        }

        string tokenId = redeemed.TokenId!;
        pipeline.Landings.Confirmed(tokenId);
        LinkOutcome outcome;
        try
        {
            outcome = await flow.ConfirmAsync(new LinkConfirmation(context, redeemed, lookup, password, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The redemption is recorded but the action did not happen. A flow whose action changes the state retries it
            // with the same link; any other flow's link is spent, so the person is pointed to a new one.
            Log.ConfirmFailed(pipeline.Logger, flow.Name, tokenId, ex.GetType().FullName ?? ex.GetType().Name);
            outcome = flow.RetriesWhileStateUnchanged ? LinkOutcome.StoreUnavailable : LinkOutcome.ActionFailed;
        }

        return Answer(context, outcome, html);
    }

    /// <summary>
    /// Turns a refused link into an outcome: the flow's own reading first (a link for an account that is active by now
    /// answers "already active"), then the shared table.
    /// </summary>
    private async ValueTask<LinkOutcome> ClassifyAsync(LinkValidationResult refused, LinkFlowLookup lookup, IServiceProvider services, CancellationToken cancellationToken)
    {
        LinkOutcome outcome = await flow.RecognizeRefusalAsync(refused, lookup, services, cancellationToken).ConfigureAwait(false)
            ?? LinkOutcome.Of(refused.Failure);
        if (!outcome.Succeeded)
        {
            Log.LinkRefused(pipeline.Logger, flow.Name, refused.TokenId, outcome.Code, refused.Failure);
        }

        return outcome;
    }

    /// <summary>The answer of a confirmation (or of a flow's own endpoint), counted as done or refused.</summary>
    public IResult Answer(HttpContext context, LinkOutcome outcome, bool html)
    {
        if (outcome.Succeeded)
        {
            pipeline.Metrics.Confirmed(flow.Name, outcome.Code);
        }
        else
        {
            pipeline.Metrics.Rejected(flow.Name, outcome.Code);
        }

        if (html)
        {
            return flow.RedirectFor(outcome, context.Request) is { } path
                ? LinkFlowAnswers.SeeOther(context, context.Request.PathBase + path)
                : Page(context, _pages.Outcome(context.Request, outcome, onLanding: false));
        }

        return outcome.Succeeded
            ? LinkFlowAnswers.Succeeded(outcome)
            : LinkFlowAnswers.Problem(outcome, flow.LinkNoun, outcome.OffersNewLink ? pipeline.Uris.BuildUri(flow.Options, routes.Of(flow.NewLinkPath)) : null);
    }

    private IResult PasswordRefused(HttpContext context, string token, DateTimeOffset? expiresAt, Dictionary<string, string[]> errors, bool html) =>
        html ? Page(context, _pages.Landing(context.Request, token, expiresAt, errors)) : LinkFlowAnswers.InvalidFields(errors);

    private IResult LandingRefusal(HttpContext context, LinkOutcome outcome, DateTimeOffset? expiresAt, bool json)
    {
        pipeline.Metrics.Landed(flow.Name, outcome.Code);
        return json ? LinkFlowAnswers.Status(false, outcome.Code, expiresAt) : Page(context, _pages.Outcome(context.Request, outcome, onLanding: true));
    }

    public IResult Page(HttpContext context, LinkPage page) => pipeline.Renderer.Render(page, context);

    public static ValueTask<RequestBody<LinkFlowRequestBody>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBodyReader.ReadAsync(
            request,
            LinkFlowJsonContext.Default.LinkFlowRequestBody,
            static form => new LinkFlowRequestBody
            {
                Email = RequestBodyReader.Field(form, InputRules.EmailField),
                Password = RequestBodyReader.Field(form, InputRules.PasswordField),
                Token = RequestBodyReader.Field(form, InputRules.TokenField),
                Code = RequestBodyReader.Field(form, InputRules.CodeField),
            },
            cancellationToken);
}
