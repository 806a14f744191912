using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;
using OneTimeLink.AspNetCore.Pages;
using OneTimeLink.AspNetCore.Routing;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/activate</c> shows what a link would do and consumes nothing, because mail scanners and link
/// previews fetch every link; <c>POST {prefix}/activate</c>, a person's click, redeems it and activates the account.
/// </summary>
internal sealed class ActivateEndpoint(
    IOneTimeLinkService links,
    ActivationPurpose purpose,
    ActivationLinkBuilder linkBuilder,
    IOptions<UserActivationOptions> options,
    ILogger<ActivateEndpoint> logger)
{
    private readonly string? _signInPath = options.Value.SignInPath;

    public async Task<Results<JsonHttpResult<LinkStatusResponse>, ContentHttpResult>> LandingAsync(
        HttpContext context,
        IUserActivationStore store,
        ActivationRoutes routes)
    {
        HttpRequest request = context.Request;
        bool json = ContentNegotiation.PrefersJson(request);

        if (request.Query["token"] is not { Count: 1 } values || values[0] is not { Length: > 0 } token)
        {
            Log.ActivationRejected(logger, null, ActivationOutcomes.Code(ActivationOutcome.LinkInvalid), LinkFailure.Malformed);
            return LandingFailure(json, ActivationOutcome.LinkInvalid, null, request, routes);
        }

        LinkValidationResult result = await links.ValidateAsync(token, purpose.Name, context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            ActivationOutcome outcome = await ClassifyFailureAsync(result, store, context.RequestAborted).ConfigureAwait(false);
            return LandingFailure(json, outcome, result.ExpiresAt, request, routes);
        }

        return json
            ? TypedResults.Json(new LinkStatusResponse(true, null, result.ExpiresAt), UserActivationJsonContext.Default.LinkStatusResponse)
            : ActivationResults.Html(ActivationPages.Landing(token, result.ExpiresAt.Value, request.PathBase + routes.Activate), StatusCodes.Status200OK);
    }

    public async Task<Results<JsonHttpResult<ActivationResponse>, ContentHttpResult, ProblemHttpResult>> ActivateAsync(
        HttpContext context,
        IUserActivationStore store,
        ActivationRoutes routes)
    {
        HttpRequest request = context.Request;
        CancellationToken cancellationToken = context.RequestAborted;
        bool html = ContentNegotiation.WantsHtmlAnswerToPost(request);

        RequestBody<ActivateRequest> body = await RequestBodyReader.ReadAsync(
            request,
            UserActivationJsonContext.Default.ActivateRequest,
            form => new ActivateRequest { Token = RequestBodyReader.Field(form, "token") },
            cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(logger, request.Path, body.Error);
            return ActivationResults.InvalidRequest(body.Error);
        }

        ActivationOutcome outcome;
        if (string.IsNullOrEmpty(body.Value.Token))
        {
            Log.ActivationRejected(logger, null, ActivationOutcomes.Code(ActivationOutcome.LinkInvalid), LinkFailure.Malformed);
            outcome = ActivationOutcome.LinkInvalid;
        }
        else
        {
            outcome = await RedeemAsync(body.Value.Token, store, cancellationToken).ConfigureAwait(false);
        }

        if (html)
        {
            return ActivationResults.Html(OutcomePage(outcome, request, routes), ActivationOutcomes.StatusCode(outcome));
        }

        return outcome is ActivationOutcome.Activated or ActivationOutcome.AlreadyActive
            ? TypedResults.Json(new ActivationResponse(ActivationOutcomes.Code(outcome)), UserActivationJsonContext.Default.ActivationResponse)
            : ActivationResults.Problem(outcome, ActivationOutcomes.OffersResend(outcome) ? linkBuilder.BuildResendUri(routes) : null);
    }

    /// <summary>The landing answer for a link that would not activate: 200 either way, since the page only reports on the link.</summary>
    private Results<JsonHttpResult<LinkStatusResponse>, ContentHttpResult> LandingFailure(
        bool json,
        ActivationOutcome outcome,
        DateTimeOffset? expiresAt,
        HttpRequest request,
        ActivationRoutes routes) =>
        json
            ? TypedResults.Json(new LinkStatusResponse(false, ActivationOutcomes.Code(outcome), expiresAt), UserActivationJsonContext.Default.LinkStatusResponse)
            : ActivationResults.Html(OutcomePage(outcome, request, routes), StatusCodes.Status200OK);

    private string OutcomePage(ActivationOutcome outcome, HttpRequest request, ActivationRoutes routes) =>
        ActivationPages.Outcome(outcome, request.PathBase + routes.ResendActivation, _signInPath is null ? null : request.PathBase + _signInPath);

    private async ValueTask<ActivationOutcome> RedeemAsync(string token, IUserActivationStore store, CancellationToken cancellationToken)
    {
        LinkValidationResult result = await links.RedeemAsync(token, purpose.Name, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return await ClassifyFailureAsync(result, store, cancellationToken).ConfigureAwait(false);
        }

        ActivationUser? user = await store.FindByIdAsync(result.Subject, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            // The account was deleted: as far as the link is concerned, its state changed.
            Log.ActivationRejected(logger, result.TokenId, ActivationOutcomes.Code(ActivationOutcome.LinkRevoked), LinkFailure.StateChanged);
            return ActivationOutcome.LinkRevoked;
        }

        if (user.IsActive)
        {
            Log.AlreadyActive(logger, result.TokenId, user.Id);
            return ActivationOutcome.AlreadyActive;
        }

        await store.ActivateAsync(user.Id, cancellationToken).ConfigureAwait(false);
        Log.UserActivated(logger, user.Id, result.TokenId);
        return ActivationOutcome.Activated;
    }

    /// <summary>
    /// Turns a failed link into an outcome. A genuine activation link that no longer works because the account was
    /// activated meanwhile (the link was used, superseded or has expired since) answers "already active", not an error.
    /// </summary>
    private async ValueTask<ActivationOutcome> ClassifyFailureAsync(LinkValidationResult result, IUserActivationStore store, CancellationToken cancellationToken)
    {
        if (ActivationOutcomes.MayBeAlreadyActive(result.Failure)
            && result.Subject is { } subject
            && await store.FindByIdAsync(subject, cancellationToken).ConfigureAwait(false) is { IsActive: true })
        {
            Log.AlreadyActive(logger, result.TokenId, subject);
            return ActivationOutcome.AlreadyActive;
        }

        ActivationOutcome outcome = ActivationOutcomes.FromFailure(result.Failure);
        Log.ActivationRejected(logger, result.TokenId, ActivationOutcomes.Code(outcome), result.Failure);
        return outcome;
    }
}
