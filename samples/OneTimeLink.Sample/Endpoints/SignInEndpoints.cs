using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OneTimeLink.Sample.Accounts;
using OneTimeLink.Sample.Data;
using OneTimeLink.Sample.Pages;

namespace OneTimeLink.Sample.Endpoints;

/// <summary><c>POST /login</c>, <c>POST /logout</c> and <c>GET /me</c>: cookie sign-in for activated accounts only.</summary>
public static partial class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login", SignInAsync).DisableAntiforgery();
        // Cast, so it maps as a handler whose result is written, not as a RequestDelegate (one HttpContext parameter).
        app.MapPost("/logout", (Func<HttpContext, Task<IResult>>)SignOutAsync).DisableAntiforgery();
        app.MapGet("/me", Me);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, EfUserStore users, LoginThrottle throttle, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        bool html = Html.IsWantedBy(context.Request);
        SignInRequest? request = await ReadAsync(context.Request, cancellationToken);
        if (request is null || string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Refuse(html, StatusCodes.Status400BadRequest, "invalid_request", "Enter your email and password.");
        }

        ILogger logger = loggerFactory.CreateLogger(typeof(SignInEndpoints));
        var attempt = new LoginAttempt(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", request.Email.Trim().ToUpperInvariant());
        if (!throttle.TryAcquire(attempt, out TimeSpan? retryAfter))
        {
            LogSignInThrottled(logger);
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return Refuse(html, StatusCodes.Status429TooManyRequests, "too_many_attempts", "Too many sign-in attempts. Wait a minute, then try again.");
        }

        SampleUser? user = await users.VerifyPasswordAsync(request.Email, request.Password, cancellationToken);
        if (user is null)
        {
            LogSignInRefused(logger, "wrong email or password");
            return Refuse(html, StatusCodes.Status401Unauthorized, "invalid_credentials", "That email and password do not match an account.");
        }

        if (!user.IsActive)
        {
            LogSignInRefused(logger, $"account {user.Id} is not activated");
            return Refuse(html, StatusCodes.Status403Forbidden, "account_inactive", "Activate your account first: open the link we emailed you, or ask for a new one.");
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.Of(user));
        LogSignedIn(logger, user.Id);

        return html
            ? Html.Page("Signed in", $"<section class=\"notice\"><p>Signed in as <strong id=\"email\">{Html.Encode(user.Email)}</strong>. <a href=\"/me\">Go to your account</a>.</p></section>")
            : Results.Ok(new { email = user.Email });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Html.IsWantedBy(context.Request) ? Results.LocalRedirect("/") : Results.NoContent();
    }

    private static IResult Me(HttpContext context)
    {
        string? email = context.User.FindFirstValue(ClaimTypes.Email);
        if (email is null)
        {
            return Html.IsWantedBy(context.Request)
                ? Html.Page("Not signed in", "<section class=\"notice error\"><p>Sign in on the <a href=\"/\">home page</a> first.</p></section>", StatusCodes.Status401Unauthorized)
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.", extensions: new Dictionary<string, object?> { ["code"] = "not_signed_in" });
        }

        return Html.IsWantedBy(context.Request)
            ? Html.Page("My account", $"<section><p>You are signed in as <strong id=\"email\">{Html.Encode(email)}</strong>.</p><form method=\"post\" action=\"/logout\"><button id=\"sign-out\" type=\"submit\">Sign out</button></form></section>")
            : Results.Ok(new { email });
    }

    private static IResult Refuse(bool html, int status, string code, string message) =>
        html
            ? Html.Page("Could not sign in", $"<section class=\"notice error\"><p>{Html.Encode(message)}</p><p><a href=\"/\">Back</a></p></section>", status)
            : Results.Problem(statusCode: status, title: message, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static async Task<SignInRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                IFormCollection form = await request.ReadFormAsync(cancellationToken);
                return new SignInRequest(form["email"], form["password"]);
            }

            return request.HasJsonContentType()
                ? await request.ReadFromJsonAsync<SignInRequest>(cancellationToken)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Signed in user {UserId}.")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(2, LogLevel.Information, "Sign-in refused: {Reason}.")]
    private static partial void LogSignInRefused(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Sign-in throttled: too many attempts from this client or on this address.")]
    private static partial void LogSignInThrottled(ILogger logger);

    private sealed record SignInRequest(string? Email, string? Password);
}
