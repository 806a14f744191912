using System.Buffers;
using System.Net.Mail;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneTimeLink.HttpBenchmarks;

/// <summary>
/// Hand-written endpoints of the same shape as the activation endpoints, minus the library: the same routes' shape and
/// metadata, the same body reading (JSON, at most 16 KiB, malformed input a 400), the same headers and the same
/// answers byte for byte, but no token is checked, no store is asked and nothing is queued.
/// </summary>
internal static class BaselineEndpoints
{
    /// <summary>The flows' limit on a request body.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly HtmlEncoder s_html = HtmlEncoder.Default;
    private static readonly string[] s_landingMethods = [HttpMethods.Get, HttpMethods.Head];

    public static void MapBaselines(this IEndpointRouteBuilder endpoints, string prefix)
    {
        RouteGroupBuilder group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter<BaselineHeadersFilter>();

        // Garbage-token POST: read and parse the body as the flow does, then answer its 400 link_invalid problem.
        group.MapPost("/activate", async (HttpRequest request, CancellationToken cancellationToken) =>
            await ReadAsync(request, cancellationToken) is { Token: { Length: > 0 } }
                ? TypedResults.Problem(
                    "Open the link exactly as it arrived in the email, or ask for a new one.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "This activation link is not valid",
                    extensions: new Dictionary<string, object?> { ["code"] = "link_invalid" })
                : InvalidRequest())
            .Accepts<BaselineBody>(Json, Form);

        // Register: read the body and check the fields as the flow does, then answer its 202; no account work at all.
        group.MapPost("/register", async (HttpRequest request, CancellationToken cancellationToken) =>
            await ReadAsync(request, cancellationToken) is { } body && IsPlainAddress(body.Email?.Trim()) && body.Password is { Length: >= 8 and <= 128 }
                ? TypedResults.Json(BaselineAccepted.Instance, BaselineJsonContext.Default.BaselineAccepted, statusCode: StatusCodes.Status202Accepted)
                : InvalidRequest())
            .Accepts<BaselineBody>(Json, Form);

        // Valid landing: the same page with the token in its form, from a template; the expiry is a fixed text of the
        // same length, since nothing reads the token.
        group.MapMethods("/activate", s_landingMethods, IResult (HttpRequest request) =>
            request.Query["token"] is { Count: 1 } values && values[0] is { Length: > 0 } token
                ? TypedResults.Content(BaselinePages.LandingStart + s_html.Encode(token) + BaselinePages.LandingEnd, "text/html", Encoding.UTF8)
                : TypedResults.BadRequest());

        // Used-link landing: the flow's "already active" page, a constant: what a used activation link shows.
        group.MapMethods("/activate-used", s_landingMethods, IResult (HttpRequest request) =>
            request.Query["token"] is { Count: 1 } values && values[0] is { Length: > 0 }
                ? TypedResults.Content(BaselinePages.AlreadyActive, "text/html", Encoding.UTF8)
                : TypedResults.BadRequest());
    }

    private static IResult InvalidRequest() =>
        TypedResults.Problem(
            "The request body is not valid JSON, or a field has the wrong type.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid",
            extensions: new Dictionary<string, object?> { ["code"] = "invalid_request" });

    /// <summary>The body as JSON, at most <see cref="MaxBodyBytes"/>, into a pooled buffer; null for anything else.</summary>
    private static async ValueTask<BaselineBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType() || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            int length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBodyBytes)
                {
                    return null;
                }
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), BaselineJsonContext.Default.BaselineBody);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsPlainAddress(string? email) =>
        email is { Length: > 0 and <= 254 }
        && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailAddress.TryCreate(email, out MailAddress? address)
        && string.Equals(address.Address, email, StringComparison.Ordinal);
}
