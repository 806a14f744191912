namespace OneTimeLink.AspNetCore;

/// <summary>A form on a <see cref="LinkPage"/>: post it, as <c>application/x-www-form-urlencoded</c>, to <see cref="Action"/>.</summary>
public sealed class LinkPageForm
{
    /// <summary>Gets the path the form posts to, including the application's base path.</summary>
    public required string Action { get; init; }

    /// <summary>Gets the submit button's text in the built-in pages' words, such as "Activate my account".</summary>
    public required string SubmitLabel { get; init; }

    /// <summary>Gets the inputs to show, in order; empty for a form that is only a button.</summary>
    public IReadOnlyList<LinkPageField> Fields { get; init; } = [];

    /// <summary>Gets the hidden fields to post as they are, such as the link's <c>token</c>.</summary>
    public IReadOnlyDictionary<string, string> HiddenFields { get; init; } = new Dictionary<string, string>();
}
