using System.Net;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>
/// One browser on the test server: its own cookie jar, kept as a browser keeps it (Secure cookies over https only,
/// expiry honoured), and answers that come back once the background work they queued has run.
/// </summary>
internal sealed class TestBrowser : IDisposable
{
    public TestBrowser(HttpMessageHandler server, Uri baseAddress)
    {
        Client = new HttpClient(new CookieJar(Cookies) { InnerHandler = server }, disposeHandler: true) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The value of the cookie <paramref name="name"/> this browser would send, or null.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(Client.BaseAddress!).FirstOrDefault(c => c.Name == name)?.Value;

    public void Dispose() => Client.Dispose();

    private sealed class CookieJar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? setCookies))
            {
                foreach (string setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}
