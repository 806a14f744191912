using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore;

/// <summary>
/// Renders every page the link flows show a person, so an application can show them in its own layout and language:
/// register one as a singleton (<c>builder.Services.AddSingleton&lt;ILinkPageRenderer, MyPages&gt;()</c>) and it
/// replaces the built-in pages everywhere. JSON answers are not pages: they keep their documented shape.
/// </summary>
/// <remarks>
/// The endpoints set the status code, <c>Cache-Control: no-store</c> and a content security policy that allows no
/// script before the result runs: keep pages free of script, and post every form to its <see cref="LinkPageForm.Action"/>
/// with its fields and hidden fields as given. Encode every value you write into HTML.
/// </remarks>
public interface ILinkPageRenderer
{
    /// <summary>Renders <paramref name="page"/>, for example as <c>TypedResults.Content(html, "text/html")</c>, a RazorSlices slice or a Razor component.</summary>
    /// <param name="page">What the page must say and offer.</param>
    /// <param name="httpContext">The request, for the culture or the user, say.</param>
    /// <returns>The result that writes the page; it should answer with <see cref="LinkPage.StatusCode"/>.</returns>
    IResult Render(LinkPage page, HttpContext httpContext);
}
