using Microsoft.AspNetCore.Http;
using OneTimeLink.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>The JSON answers of the flows: RFC 9457 problem details with a stable <c>code</c>, and the fixed success bodies.</summary>
internal static class LinkFlowAnswers
{
    public const string InvalidRequestCode = "invalid_request";

    /// <summary>How long a client should wait after <c>busy</c>: the queue drains in seconds, not minutes.</summary>
    public const int BusyRetryAfterSeconds = 10;

    public static IResult Accepted() =>
        TypedResults.Json(AcceptedResponse.Instance, LinkFlowJsonContext.Default.AcceptedResponse, statusCode: StatusCodes.Status202Accepted);

    public static IResult Succeeded(LinkOutcome outcome) =>
        TypedResults.Json(new LinkFlowResponse(outcome.Code), LinkFlowJsonContext.Default.LinkFlowResponse, statusCode: outcome.StatusCode);

    public static IResult Status(bool valid, string? code, DateTimeOffset? expiresAt) =>
        TypedResults.Json(new LinkStatusResponse(valid, code, expiresAt), LinkFlowJsonContext.Default.LinkStatusResponse);

    /// <summary>Sends a browser on after a form post or a status page (Post/Redirect/Get), to a path on this site.</summary>
    public static IResult SeeOther(HttpContext context, string localPath)
    {
        context.Response.Headers.Location = localPath;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static IResult InvalidFields(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = InvalidRequestCode });

    public static IResult InvalidRequest(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid",
            extensions: new Dictionary<string, object?> { ["code"] = InvalidRequestCode });

    /// <summary>The problem for a refused link or request; <paramref name="newLink"/> is where to ask for a new link, when that helps.</summary>
    public static IResult Problem(LinkOutcome outcome, string linkNoun, Uri? newLink)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = outcome.Code };
        if (newLink is not null)
        {
            extensions["resend"] = newLink.AbsoluteUri;
        }

        return TypedResults.Problem(
            outcome.Detail,
            statusCode: outcome.StatusCode,
            title: outcome.TitleFor(linkNoun),
            type: outcome.StatusCode == StatusCodes.Status410Gone ? "https://tools.ietf.org/html/rfc9110#section-15.5.11" : null,
            extensions: extensions);
    }
}
