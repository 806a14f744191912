using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>The README's page renderer example compiles, works, and stays word for word what the README shows.</summary>
public sealed class ReadmeRendererTests
{
    [Fact]
    public async Task Example_RendersTheLandingInTheAppsLayoutAndLanguage_WithAWorkingForm()
    {
        await using TestApp app = await TestApp.StartAsync(services: s => s.AddSingleton<ILinkPageRenderer, BrandedPages>());
        SentLink sent = await app.RegisterAsync("ann@example.com");

        using HttpResponseMessage landing = await app.Client.GetAsync(sent.PathAndQuery);
        string html = await landing.Content.ReadAsStringAsync();
        using HttpResponseMessage activated = await app.Client.PostAsync(
            "/account/activate",
            new FormUrlEncodedContent([new("token", sent.Token)]));

        landing.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<title>Konto aktivieren · Example</title>").And.Contain($"value=\"{sent.Token}\"").And.Contain("action=\"/account/activate\"");
        (await activated.Content.ReadAsStringAsync()).Should().Contain("Ihr Konto ist aktiv.");
    }

    [Fact]
    public void Example_IsTheOneInTheReadme()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));
        string source = File.ReadAllText(Path.Combine(Repository.Root(), "tests", "OneTimeLink.AspNetCore.Tests", "ReadmeRendererTests.cs"));
        string example = source[source.LastIndexOf("/// <summary>An application's own pages", StringComparison.Ordinal)..].TrimEnd();

        readme.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain("```csharp\n" + example + "\n```");
    }
}

/// <summary>An application's own pages: its layout, its words (here German), the library's forms.</summary>
internal sealed class BrandedPages : ILinkPageRenderer
{
    private static readonly Dictionary<string, string> s_titles = new()
    {
        ["activation/link_valid"] = "Konto aktivieren",
        ["activation/activated"] = "Ihr Konto ist aktiv.",
        ["password-reset/link_valid"] = "Neues Passwort wählen",
    };

    public IResult Render(LinkPage page, HttpContext httpContext)
    {
        HtmlEncoder html = HtmlEncoder.Default;
        string title = s_titles.GetValueOrDefault($"{page.Flow}/{page.Code}", page.Title); // untranslated: the built-in words
        var body = new StringBuilder($"<h1>{html.Encode(title)}</h1>");
        if (page.Form is { } form)
        {
            body.Append($"<form method=\"post\" action=\"{html.Encode(form.Action)}\">");
            foreach ((string name, string value) in form.HiddenFields)
            {
                body.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(value)}\">");
            }

            foreach (LinkPageField field in form.Fields)
            {
                body.Append($"<input name=\"{html.Encode(field.Name)}\" type=\"{field.InputType}\" autocomplete=\"{field.Autocomplete}\" required>");
            }

            body.Append("<button>Weiter</button></form>");
        }

        string document = $"<!DOCTYPE html><html lang=\"de\"><title>{html.Encode(title)} · Example</title><body>{body}</body></html>";
        return TypedResults.Content(document, "text/html", Encoding.UTF8, page.StatusCode);
    }
}
