using System.Text.Encodings.Web;

namespace OneTimeLink.Sample.Pages;

/// <summary>The sample's page layout: plain HTML and a little CSS, no script, no external assets.</summary>
public static class Html
{
    private const string Style = """
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
        main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
        section { background: #fff; border-radius: .5rem; padding: 1.25rem 1.5rem; margin-bottom: 1rem; box-shadow: 0 1px 2px #0002; }
        section > :first-child { margin-top: 0; }
        label { display: block; margin: .5rem 0 .2rem; font-weight: 600; }
        input { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #b8bfcc; border-radius: .35rem; font: inherit; }
        button { margin-top: .9rem; padding: .55rem 1.1rem; border: 0; border-radius: .35rem; background: #2456d3; color: #fff; font: inherit; cursor: pointer; }
        .notice { padding: .75rem 1rem; border-radius: .35rem; background: #e7f0ff; border: 1px solid #b7cdf7; }
        .error { background: #fdecec; border-color: #f2b8b8; }
        table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: .4rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
        a { color: #2456d3; word-break: break-all; } nav a { margin-right: 1rem; }
        """;

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(
            $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · OneTimeLink sample</title><style>{Style}</style></head>
            <body><main>
            <nav><a href="/">Home</a><a href="/me">My account</a><a href="/dev/mailbox">Dev mailbox</a></nav>
            <h1>{Encode(title)}</h1>
            {body}
            </main></body></html>
            """,
            "text/html; charset=utf-8",
            statusCode: statusCode);

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>True when the request asks for HTML rather than JSON, as a browser's form post does.</summary>
    public static bool IsWantedBy(HttpRequest request) =>
        !request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        && (request.HasFormContentType || request.Method == HttpMethods.Get);
}
