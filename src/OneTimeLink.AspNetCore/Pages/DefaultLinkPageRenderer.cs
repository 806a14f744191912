using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Pages;

/// <summary>
/// The built-in pages: self-contained HTML with inline style only, no script and no external asset, every value
/// HTML-encoded. Forms post back to the same origin (the pages are served with <c>form-action 'self'</c>). An
/// application replaces them by registering its own <see cref="ILinkPageRenderer"/>.
/// </summary>
internal sealed class DefaultLinkPageRenderer : ILinkPageRenderer
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;" +
        "line-height:1.5;color:#1b1b1b}h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1.2rem;border:0;" +
        "border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}input{font:inherit;padding:.5rem;width:100%;" +
        "box-sizing:border-box;margin:.25rem 0 .75rem}label{display:block}.error{color:#b3261e}";

    private static readonly HtmlEncoder s_html = HtmlEncoder.Default;

    public IResult Render(LinkPage page, HttpContext httpContext) =>
        TypedResults.Content(ToHtml(page), "text/html", Encoding.UTF8, page.StatusCode);

    public static string ToHtml(LinkPage page)
    {
        // One builder sized for a whole page, the layout written around the body in place: a page is built without
        // growing or copying a second buffer.
        string encodedTitle = s_html.Encode(page.Title);
        var document = new StringBuilder(4096)
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\">");
        if (page.RefreshPath is { } refresh)
        {
            // No script on these pages: a meta refresh is how a waiting page learns it was approved elsewhere.
            document.Append("<meta http-equiv=\"refresh\" content=\"")
                .Append(Math.Max(1, (int)page.RefreshAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture))
                .Append(";url=").Append(s_html.Encode(refresh)).Append("\">");
        }

        document
            .Append("<title>").Append(encodedTitle).Append("</title><style>").Append(Style).Append("</style></head>")
            .Append("<body><main><h1>").Append(encodedTitle).Append("</h1>");
        if (page.Errors.Count > 0)
        {
            document.Append("<ul class=\"error\">");
            foreach (string problem in page.Errors.Values.SelectMany(e => e))
            {
                document.Append("<li>").Append(s_html.Encode(problem)).Append("</li>");
            }

            document.Append("</ul>");
        }

        Paragraph(document, page.Message);
        if (page.ExpiresAt is { } expiresAt)
        {
            Paragraph(document, "This link works until " + expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC.");
        }

        if (page.SignInPath is { } signIn)
        {
            document.Append("<p><a href=\"").Append(s_html.Encode(signIn)).Append("\">Continue to sign in</a></p>");
        }

        Form(document, page.Form);
        Form(document, page.NewLinkForm);
        return document.Append("</main></body></html>").ToString();
    }

    private static void Form(StringBuilder body, LinkPageForm? form)
    {
        if (form is null)
        {
            return;
        }

        body.Append("<form method=\"post\" action=\"").Append(s_html.Encode(form.Action)).Append("\">");
        foreach ((string name, string value) in form.HiddenFields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(s_html.Encode(name)).Append("\" value=\"").Append(s_html.Encode(value)).Append("\">");
        }

        foreach (LinkPageField field in form.Fields)
        {
            string id = s_html.Encode(field.Name);
            body.Append("<label for=\"").Append(id).Append("\">").Append(s_html.Encode(field.Label)).Append("</label>")
                .Append("<input id=\"").Append(id).Append("\" name=\"").Append(id).Append("\" type=\"").Append(s_html.Encode(field.InputType))
                .Append("\" autocomplete=\"").Append(s_html.Encode(field.Autocomplete)).Append("\" required");
            if (field.MinLength > 0)
            {
                body.Append(" minlength=\"").Append(field.MinLength.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            body.Append(" maxlength=\"").Append(field.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }

        body.Append("<button type=\"submit\">").Append(s_html.Encode(form.SubmitLabel)).Append("</button></form>");
    }

    private static void Paragraph(StringBuilder body, string text) => body.Append("<p>").Append(s_html.Encode(text)).Append("</p>");
}
