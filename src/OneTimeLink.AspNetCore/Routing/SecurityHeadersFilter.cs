using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Routing;

/// <summary>
/// Sets the headers every answer of the flows carries: nothing is cached (a page may hold a token), no Referer leaks
/// the link to another site, no content sniffing, and a policy that runs no script and frames nothing.
/// </summary>
internal sealed class SecurityHeadersFilter : IEndpointFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        IHeaderDictionary headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}
