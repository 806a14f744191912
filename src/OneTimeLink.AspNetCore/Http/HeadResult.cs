using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>Answers HEAD exactly as GET — status and headers — by running the GET answer with its body thrown away.</summary>
internal sealed class HeadResult(IResult get) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        Stream body = httpContext.Response.Body;
        httpContext.Response.Body = Stream.Null;
        try
        {
            await get.ExecuteAsync(httpContext).ConfigureAwait(false);
        }
        finally
        {
            httpContext.Response.Body = body;
        }
    }
}
