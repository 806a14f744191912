using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Routing;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/resend-activation</c>: mails a new activation link to an existing, still inactive account, after
/// renewing its state so every older link dies. Answers the same 202 for unknown, active and inactive accounts.
/// </summary>
internal sealed class ResendActivationEndpoint(ActivationMailer mailer, IOptions<UserActivationOptions> options, ILogger<ResendActivationEndpoint> logger)
{
    private readonly UserActivationOptions _options = options.Value;

    public async Task<Results<JsonHttpResult<AcceptedResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        IUserActivationStore store,
        IActivationLinkSender sender,
        ActivationRoutes routes)
    {
        HttpRequest request = context.Request;
        CancellationToken cancellationToken = context.RequestAborted;
        bool html = ContentNegotiation.WantsHtmlAnswerToPost(request);

        RequestBody<ResendActivationRequest> body = await RequestBodyReader.ReadAsync(
            request,
            UserActivationJsonContext.Default.ResendActivationRequest,
            form => new ResendActivationRequest { Email = RequestBodyReader.Field(form, InputRules.EmailField) },
            cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(logger, request.Path, body.Error);
            return ActivationResults.InvalidRequest(body.Error);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (InputRules.CheckEmail(body.Value.Email, _options, errors) is not { } email)
        {
            Log.InvalidRequest(logger, request.Path, "invalid fields: " + string.Join(", ", errors.Keys));
            return ActivationResults.InvalidFields(html, errors);
        }

        ActivationUser? user = await store.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (user is { IsActive: false } && mailer.MaySendTo(email))
        {
            await store.RenewStateAsync(user.Id, cancellationToken).ConfigureAwait(false);
            Log.ActivationLinksRenewed(logger, user.Id);
            await mailer.SendActivationLinkAsync(user, sender, routes, cancellationToken).ConfigureAwait(false);
        }

        return ActivationResults.Accepted(html);
    }
}
