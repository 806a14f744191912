namespace OneTimeLink.AspNetCore.Flows;

/// <summary>The prefix of one <c>Map…</c> call, relative to the application's base path.</summary>
internal sealed class LinkFlowRoutes
{
    public LinkFlowRoutes(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.AsSpan().IndexOfAny("{}?#") >= 0)
        {
            throw new ArgumentException(
                $"The prefix \"{prefix}\" must be a literal path such as \"/account\": links are built from it, so it can hold no route parameter, query or fragment.",
                nameof(prefix));
        }

        Prefix = "/" + prefix.Trim('/');
        if (Prefix == "/")
        {
            Prefix = string.Empty;
        }
    }

    /// <summary>Gets the route group's prefix: empty, or a path starting with <c>/</c> and not ending with one.</summary>
    public string Prefix { get; }

    /// <summary>The path of <paramref name="relative"/> (such as <c>/activate</c>) under the prefix.</summary>
    public string Of(string relative) => Prefix + relative;
}
