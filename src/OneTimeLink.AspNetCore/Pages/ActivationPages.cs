using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OneTimeLink.AspNetCore.Endpoints;

namespace OneTimeLink.AspNetCore.Pages;

/// <summary>
/// The small pages a person sees: self-contained HTML with inline style only, no script and no external asset, every
/// echoed value HTML-encoded. Forms post back to the same origin (the pages are served with <c>form-action 'self'</c>).
/// </summary>
internal static class ActivationPages
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;" +
        "line-height:1.5;color:#1b1b1b}h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1.2rem;border:0;" +
        "border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}input{font:inherit;padding:.5rem;width:100%;" +
        "box-sizing:border-box;margin:.25rem 0 .75rem}label{display:block}";

    private static readonly HtmlEncoder s_html = HtmlEncoder.Default;

    /// <summary>The landing page of a good link: one button that POSTs the token. Nothing is submitted without a click.</summary>
    public static string Landing(string token, DateTimeOffset expiresAt, string activatePath)
    {
        var body = new StringBuilder();
        Paragraph(body, "Press the button to activate your account.");
        Paragraph(body, "This link works until " + expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC.");
        body.Append("<form method=\"post\" action=\"").Append(s_html.Encode(activatePath)).Append("\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(s_html.Encode(token)).Append("\">")
            .Append("<button type=\"submit\">Activate my account</button></form>");
        return Layout("Activate your account", body);
    }

    /// <summary>
    /// The page for an outcome: an active account links to <paramref name="signInPath"/> when there is one; a link that
    /// was genuine but cannot be used any more gets a form to ask for a new one.
    /// </summary>
    public static string Outcome(ActivationOutcome outcome, string resendPath, string? signInPath)
    {
        var body = new StringBuilder();
        Paragraph(body, ActivationOutcomes.Detail(outcome));
        if (signInPath is not null && outcome is ActivationOutcome.Activated or ActivationOutcome.AlreadyActive)
        {
            body.Append("<p><a href=\"").Append(s_html.Encode(signInPath)).Append("\">Continue to sign in</a></p>");
        }
        if (ActivationOutcomes.OffersResend(outcome))
        {
            body.Append("<form method=\"post\" action=\"").Append(s_html.Encode(resendPath)).Append("\">")
                .Append("<label for=\"email\">Email address</label>")
                .Append("<input id=\"email\" type=\"email\" name=\"email\" required autocomplete=\"email\">")
                .Append("<button type=\"submit\">Send me a new link</button></form>");
        }

        return Layout(ActivationOutcomes.Title(outcome), body);
    }

    /// <summary>The answer to a register or resend form: the same whatever the account's state.</summary>
    public static string CheckYourEmail()
    {
        var body = new StringBuilder();
        Paragraph(body, "If this address can be used, an email is on its way to it. Follow the link inside to continue.");
        return Layout("Check your email", body);
    }

    /// <summary>The answer to a form that could not be accepted, listing what to fix.</summary>
    public static string InvalidInput(IEnumerable<string> problems)
    {
        var body = new StringBuilder("<ul>");
        foreach (string problem in problems)
        {
            body.Append("<li>").Append(s_html.Encode(problem)).Append("</li>");
        }

        body.Append("</ul>");
        Paragraph(body, "Go back, correct the form and send it again.");
        return Layout("Please check the form", body);
    }

    private static void Paragraph(StringBuilder body, string text) => body.Append("<p>").Append(s_html.Encode(text)).Append("</p>");

    private static string Layout(string title, StringBuilder body)
    {
        string encodedTitle = s_html.Encode(title);
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(encodedTitle).Append("</title><style>").Append(Style).Append("</style></head>")
            .Append("<body><main><h1>").Append(encodedTitle).Append("</h1>").Append(body).Append("</main></body></html>")
            .ToString();
    }
}
