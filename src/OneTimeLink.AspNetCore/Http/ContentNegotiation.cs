using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>Tells a person's browser, which gets HTML pages, from an API client, which gets JSON.</summary>
internal static class ContentNegotiation
{
    public static bool IsForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>A form post answers with a page unless its <c>Accept</c> header ranks JSON above HTML.</summary>
    public static bool WantsHtmlAnswerToPost(HttpRequest request) => IsForm(request) && !PrefersJson(request);

    /// <summary>Whether <c>Accept</c> ranks a JSON type above HTML; wildcards rank neither, so browsers and bare clients get HTML.</summary>
    public static bool PrefersJson(HttpRequest request)
    {
        double json = 0;
        double html = 0;
        foreach (MediaTypeHeaderValue type in request.GetTypedHeaders().Accept)
        {
            double quality = type.Quality ?? 1;
            if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
            else if (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
        }

        return json > html;
    }
}
