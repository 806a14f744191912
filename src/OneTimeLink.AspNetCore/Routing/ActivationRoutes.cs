namespace OneTimeLink.AspNetCore.Routing;

/// <summary>The paths of one <c>MapUserActivation</c> call, relative to the application's base path.</summary>
internal sealed class ActivationRoutes
{
    public ActivationRoutes(string prefix)
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

    public string Activate => Prefix + "/activate";

    public string Register => Prefix + "/register";

    public string ResendActivation => Prefix + "/resend-activation";
}
