using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// The request cookie: which pending sign-ins this browser asked for, newest first. Only the newest one is waited on
/// (status, code), but an older link from the same browser still signs it in rather than approving an orphan. Signing
/// in clears them all. HttpOnly,
/// SameSite=Lax (sent on the top-level GET from a mail client, never on a cross-site POST), and outside Development
/// Secure with the <c>__Host-</c> prefix, so no subdomain can plant a request of its own.
/// </summary>
internal sealed class SignInRequestCookie(IOptions<MagicLinkSignInOptions> options, TimeProvider timeProvider, IHostEnvironment? environment = null)
{
    /// <summary>How many requests the cookie remembers: enough for "I asked twice", small enough to stay a short header.</summary>
    private const int MaxRequests = 3;
    private const char Separator = '.';

    private bool Secure => environment?.IsDevelopment() != true;

    private string Name => Secure ? "__Host-" + options.Value.RequestCookieName : options.Value.RequestCookieName;

    /// <summary>The requests of this browser that have not expired, newest first.</summary>
    public IReadOnlyList<SignInRequest> Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out string? value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        var requests = new List<SignInRequest>(MaxRequests);
        foreach (string part in value.Split(Separator, MaxRequests + 1))
        {
            if (requests.Count < MaxRequests && SignInRequest.Parse(part) is { } parsed && parsed.ExpiresAt > now)
            {
                requests.Add(parsed);
            }
        }

        return requests;
    }

    /// <summary>The newest request of this browser, if it is still live.</summary>
    public SignInRequest? Current(HttpRequest request) => Read(request) is [var newest, ..] ? newest : null;

    /// <summary>Whether this browser asked for the request with <paramref name="key"/> (a link's <c>req</c> claim).</summary>
    public SignInRequest? Find(HttpRequest request, string key)
    {
        foreach (SignInRequest candidate in Read(request))
        {
            if (candidate.Key == key)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts a request in this browser: it becomes the newest, keeping the older live ones.</summary>
    public void Add(HttpContext context, SignInRequest request) =>
        Write(context, [request, .. Read(context.Request).Take(MaxRequests - 1)]);

    /// <summary>Forgets this browser's requests once one signed it in: none is left to wait on or to use again.</summary>
    public void Clear(HttpContext context) => Write(context, []);

    private void Write(HttpContext context, IReadOnlyList<SignInRequest> requests)
    {
        var cookie = new CookieOptions
        {
            HttpOnly = true,
            Secure = Secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        };
        if (requests.Count == 0)
        {
            context.Response.Cookies.Delete(Name, cookie);
            return;
        }

        cookie.MaxAge = requests.Max(r => r.ExpiresAt) - timeProvider.GetUtcNow();
        context.Response.Cookies.Append(Name, string.Join(Separator, requests.Select(r => r.CookieValue)), cookie);
    }
}
