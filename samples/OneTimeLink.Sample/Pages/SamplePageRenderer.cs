using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Accounts;

namespace OneTimeLink.Sample.Pages;

/// <summary>
/// Renders every page of the link flows (a link's landing, its outcome, "check your email", a form to correct) in the
/// sample's own layout, so following an emailed link looks like the rest of the site. The words are the library's,
/// plus what only this app knows: its password rule and its dev mailbox. Like every page here: no script, every
/// value encoded.
/// </summary>
public sealed class SamplePageRenderer(IHostEnvironment environment, IOptions<UserActivationOptions> options) : ILinkPageRenderer
{
    public IResult Render(LinkPage page, HttpContext httpContext)
    {
        var body = new StringBuilder("<section>");
        if (page.Errors.Count > 0)
        {
            body.Append("<div class=\"notice error\" role=\"alert\"><ul>");
            foreach (string problem in page.Errors.Values.SelectMany(problems => problems))
            {
                body.Append("<li>").Append(Html.Encode(problem)).Append("</li>");
            }

            body.Append("</ul></div>");
        }

        // An outcome is a result to see at a glance: a notice, red when the link could not be used. Not by status: a
        // landing reports a dead link with 200, so it is told by Succeeded.
        string paragraph = page.Kind switch
        {
            LinkPageKind.Outcome when !page.Succeeded => "<p class=\"notice error\">",
            LinkPageKind.Outcome or LinkPageKind.RequestAccepted => "<p class=\"notice\">",
            _ => "<p>",
        };
        body.Append(paragraph).Append(Html.Encode(page.Message)).Append("</p>");

        if (page.Kind == LinkPageKind.Landing && page.Flow == LinkFlowNames.PasswordReset)
        {
            body.Append("<p>").Append(Html.Encode(SamplePasswordPolicy.Description)).Append("</p>");
        }

        if (page.ExpiresAt is { } expiresAt)
        {
            body.Append("<p>This link works until ")
                .Append(Html.Encode(expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
                .Append(" UTC.</p>");
        }

        if (page.Kind == LinkPageKind.RequestAccepted && environment.IsDevelopment())
        {
            body.Append("<p>In this sample the email lands in the <a href=\"/dev/mailbox\">dev mailbox</a> a moment later.");
            if (options.Value.EmailThrottleWindow > TimeSpan.Zero)
            {
                // The flows send one email per address per window, whichever flow asks: say so, or a second try looks broken.
                body.Append(" Each address gets one email per ").Append(Html.Encode(Describe(options.Value.EmailThrottleWindow)))
                    .Append(": a request within that time of the last email sends nothing.");
            }

            body.Append("</p>");
        }

        AppendForm(body, page.Form, "link");
        if (page.SignInPath is { } signIn)
        {
            body.Append("<p><a href=\"").Append(Html.Encode(signIn)).Append("\">Continue to sign in</a></p>");
        }

        body.Append("</section>");
        if (page.NewLinkForm is { } newLink)
        {
            body.Append("<section><h2>Get a new link</h2>");
            AppendForm(body, newLink, "new-link");
            body.Append("</section>");
        }

        return Html.Page(page.Title, body.ToString(), page.StatusCode);
    }

    private static string Describe(TimeSpan window) =>
        window.TotalSeconds < 120
            ? $"{window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds"
            : $"{window.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes";

    /// <summary>A form exactly as the page model gives it: its action, its hidden fields as they are, its fields in order.</summary>
    private static void AppendForm(StringBuilder body, LinkPageForm? form, string idPrefix)
    {
        if (form is null)
        {
            return;
        }

        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(form.Action)).Append("\">");
        foreach ((string name, string value) in form.HiddenFields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");
        }

        foreach (LinkPageField field in form.Fields)
        {
            string id = Html.Encode($"{idPrefix}-{field.Name}");
            body.Append("<label for=\"").Append(id).Append("\">").Append(Html.Encode(field.Label)).Append("</label>")
                .Append("<input id=\"").Append(id).Append("\" name=\"").Append(Html.Encode(field.Name))
                .Append("\" type=\"").Append(Html.Encode(field.InputType))
                .Append("\" autocomplete=\"").Append(Html.Encode(field.Autocomplete)).Append("\" required");
            if (field.MinLength > 0)
            {
                body.Append(" minlength=\"").Append(field.MinLength.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            body.Append(" maxlength=\"").Append(field.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }

        body.Append("<button type=\"submit\">").Append(Html.Encode(form.SubmitLabel)).Append("</button></form>");
    }
}
