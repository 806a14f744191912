using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>Builds the <see cref="LinkPage"/> models of one mapped flow, in the built-in words, with paths under the request's base path.</summary>
internal sealed class LinkFlowPages(LinkFlow flow, LinkFlowRoutes routes)
{
    private const string AcceptedMessage = "If this address can be used, an email is on its way to it. Follow the link inside to continue.";

    public LinkFlowRoutes Routes => routes;

    /// <summary>The landing page, in the flow's declared words unless <paramref name="message"/> and <paramref name="submitLabel"/> say otherwise.</summary>
    public LinkPage Landing(
        HttpRequest request,
        string token,
        DateTimeOffset? expiresAt,
        IReadOnlyDictionary<string, string[]>? errors = null,
        string? message = null,
        string? submitLabel = null)
    {
        LinkConfirm confirm = flow.Confirm;
        return new LinkPage
        {
            Kind = LinkPageKind.Landing,
            Flow = flow.Name,
            Code = "link_valid",
            Succeeded = true,
            StatusCode = errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
            Title = confirm.Title,
            Message = message ?? confirm.Message,
            ExpiresAt = expiresAt,
            Form = new LinkPageForm
            {
                Action = request.PathBase + routes.Of(confirm.Path),
                SubmitLabel = submitLabel ?? confirm.SubmitLabel,
                Fields = confirm.TakesPassword ? [NewPasswordField(flow.PasswordRule)] : [],
                HiddenFields = new Dictionary<string, string> { [InputRules.TokenField] = token },
            },
            Errors = errors ?? new Dictionary<string, string[]>(),
        };
    }

    /// <summary>The page of an outcome; a landing reports on the link with 200, a confirmation answers with the outcome's status.</summary>
    public LinkPage Outcome(HttpRequest request, LinkOutcome outcome, bool onLanding) => new()
    {
        Kind = LinkPageKind.Outcome,
        Flow = flow.Name,
        Code = outcome.Code,
        Succeeded = outcome.Succeeded,
        StatusCode = onLanding ? StatusCodes.Status200OK : outcome.StatusCode,
        Title = outcome.TitleFor(flow.LinkNoun),
        Message = outcome.Detail,
        NewLinkForm = outcome.OffersNewLink ? NewLinkForm(request) : null,
        SignInPath = outcome.Succeeded && flow.Options.SignInPath is { } signIn ? request.PathBase + signIn : null,
    };

    public LinkPage Accepted() => new()
    {
        Kind = LinkPageKind.RequestAccepted,
        Flow = flow.Name,
        Code = "accepted",
        Succeeded = true,
        StatusCode = StatusCodes.Status202Accepted,
        Title = "Check your email",
        Message = AcceptedMessage,
    };

    public LinkPage InvalidRequest(IReadOnlyDictionary<string, string[]> errors) => new()
    {
        Kind = LinkPageKind.InvalidRequest,
        Flow = flow.Name,
        Code = LinkFlowAnswers.InvalidRequestCode,
        Succeeded = false,
        StatusCode = StatusCodes.Status400BadRequest,
        Title = "Please check the form",
        Message = "Go back, correct the form and send it again.",
        Errors = errors,
    };

    public static string AcceptedDetail => AcceptedMessage;

    public LinkPageForm NewLinkForm(HttpRequest request) => new()
    {
        Action = request.PathBase + routes.Of(flow.NewLinkPath),
        SubmitLabel = "Send me a new link",
        Fields =
        [
            new LinkPageField
            {
                Name = InputRules.EmailField,
                Label = "Email address",
                InputType = "email",
                Autocomplete = "email",
                MaxLength = flow.Options.EmailMaxLength,
            },
        ],
    };

    private static LinkPageField NewPasswordField(PasswordRule rule) => new()
    {
        Name = InputRules.PasswordField,
        Label = "New password",
        InputType = "password",
        Autocomplete = "new-password",
        MinLength = rule.MinLength,
        MaxLength = rule.MaxLength,
    };
}
