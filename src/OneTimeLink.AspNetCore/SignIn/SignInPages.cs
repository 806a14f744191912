using Microsoft.AspNetCore.Http;
using OneTimeLink.AspNetCore.Flows;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>The "check your email" page of a pending sign-in: it reloads itself from the status endpoint and holds the code form.</summary>
internal static class SignInPages
{
    public const string StatusPath = "/sign-in/status";
    public const string CodePath = "/sign-in/code";

    /// <summary>The page; <paramref name="statusCode"/> is 202 as the answer to a request, 200 from the status endpoint, 400 after a wrong code.</summary>
    public static LinkPage Pending(
        LinkFlowPages pages,
        MagicLinkSignInFlow flow,
        HttpRequest request,
        int statusCode = StatusCodes.Status200OK,
        IReadOnlyDictionary<string, string[]>? errors = null) => new()
    {
        Kind = LinkPageKind.SignInPending,
        Flow = flow.Name,
        Code = errors is null ? MagicLinkSignInFlow.Pending.Code : MagicLinkSignInFlow.CodeInvalid.Code,
        Succeeded = errors is null,
        StatusCode = statusCode,
        Title = MagicLinkSignInFlow.Pending.Title,
        Message = MagicLinkSignInFlow.Pending.Detail,
        Form = new LinkPageForm
        {
            Action = request.PathBase + pages.Routes.Of(CodePath),
            SubmitLabel = "Sign in with the code",
            Fields =
            [
                new LinkPageField
                {
                    Name = InputRules.CodeField,
                    Label = "Code from the email",
                    InputType = "text",
                    Autocomplete = "one-time-code",
                    MinLength = SignInCode.Length,
                    MaxLength = SignInCode.MaxInputLength,
                },
            ],
        },
        RefreshPath = request.PathBase + pages.Routes.Of(StatusPath),
        RefreshAfter = flow.SignInOptions.StatusRefreshInterval,
        Errors = errors ?? new Dictionary<string, string[]>(),
    };
}
