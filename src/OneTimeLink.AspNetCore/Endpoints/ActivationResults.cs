using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Pages;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>Builds the endpoints' answers: pages for people, RFC 9457 problem details with a stable <c>code</c> for programs.</summary>
internal static class ActivationResults
{
    private const string InvalidRequestCode = "invalid_request";

    /// <summary>The 202 of register and resend: one fixed answer whatever happened, as a page for a form or as JSON.</summary>
    public static Results<JsonHttpResult<AcceptedResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult> Accepted(bool html) =>
        html
            ? Html(ActivationPages.CheckYourEmail(), StatusCodes.Status202Accepted)
            : TypedResults.Json(AcceptedResponse.Instance, UserActivationJsonContext.Default.AcceptedResponse, statusCode: StatusCodes.Status202Accepted);

    /// <summary>The 400 for fields that break the rules: a page listing them for a form, or a validation problem.</summary>
    public static Results<JsonHttpResult<AcceptedResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult> InvalidFields(
        bool html,
        Dictionary<string, string[]> errors) =>
        html
            ? Html(ActivationPages.InvalidInput(errors.Values.SelectMany(e => e)), StatusCodes.Status400BadRequest)
            : TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = InvalidRequestCode });

    public static ContentHttpResult Html(string page, int statusCode) =>
        TypedResults.Content(page, "text/html", Encoding.UTF8, statusCode);

    public static ProblemHttpResult InvalidRequest(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid",
            extensions: new Dictionary<string, object?> { ["code"] = InvalidRequestCode });

    /// <summary>The problem for a failed activation; <paramref name="resend"/> is where to ask for a new link, when that helps.</summary>
    public static ProblemHttpResult Problem(ActivationOutcome outcome, Uri? resend)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = ActivationOutcomes.Code(outcome) };
        if (resend is not null)
        {
            extensions["resend"] = resend.AbsoluteUri;
        }

        int status = ActivationOutcomes.StatusCode(outcome);
        return TypedResults.Problem(
            ActivationOutcomes.Detail(outcome),
            statusCode: status,
            title: ActivationOutcomes.Title(outcome),
            type: status == StatusCodes.Status410Gone ? "https://tools.ietf.org/html/rfc9110#section-15.5.11" : null,
            extensions: extensions);
    }
}
