using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Routing;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/register</c>: creates an inactive user and mails the activation link. A taken email gets an
/// account-exists notice by mail instead, and the same 202 on the wire, so registering reveals no account.
/// </summary>
internal sealed class RegisterEndpoint(ActivationMailer mailer, IOptions<UserActivationOptions> options, ILogger<RegisterEndpoint> logger)
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

        RequestBody<RegisterRequest> body = await RequestBodyReader.ReadAsync(
            request,
            UserActivationJsonContext.Default.RegisterRequest,
            form => new RegisterRequest
            {
                Email = RequestBodyReader.Field(form, InputRules.EmailField),
                Password = RequestBodyReader.Field(form, InputRules.PasswordField),
            },
            cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            Log.InvalidRequest(logger, request.Path, body.Error);
            return ActivationResults.InvalidRequest(body.Error);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? email = InputRules.CheckEmail(body.Value.Email, _options, errors);
        InputRules.CheckPassword(body.Value.Password, _options, errors);
        if (email is null || body.Value.Password is not { } password || errors.Count > 0)
        {
            Log.InvalidRequest(logger, request.Path, "invalid fields: " + string.Join(", ", errors.Keys));
            return ActivationResults.InvalidFields(html, errors);
        }

        if (await store.CreateInactiveUserAsync(email, password, cancellationToken).ConfigureAwait(false) is { } user)
        {
            Log.UserRegistered(logger, user.Id);
            if (mailer.MaySendTo(email))
            {
                await mailer.SendActivationLinkAsync(user, sender, routes, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (await store.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            Log.RegistrationForExistingUser(logger, existing.Id);
            if (mailer.MaySendTo(email))
            {
                await mailer.SendAccountExistsNoticeAsync(existing, sender, cancellationToken).ConfigureAwait(false);
            }
        }

        return ActivationResults.Accepted(html);
    }
}
