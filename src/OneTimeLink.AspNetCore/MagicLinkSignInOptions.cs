namespace OneTimeLink.AspNetCore;

/// <summary>Settings of passwordless sign-in (sign-in link, sign-in, status, code), validated when the application starts.</summary>
public sealed class MagicLinkSignInOptions : LinkFlowOptions
{
    /// <summary>The link purpose sign-in links use unless <c>AddMagicLinkSignIn</c> is given another.</summary>
    public const string DefaultPurpose = "sign-in";

    /// <summary>Gets or sets where a browser goes once it is signed in, after a form post or a status page: a path on this site.</summary>
    /// <value>The default value is <c>/</c>.</value>
    public string SignedInPath { get; set; } = "/";

    /// <summary>
    /// Gets or sets the name of the request cookie that binds a pending sign-in to the browser that asked. Served over
    /// https it is prefixed with <c>__Host-</c>, which stops a sibling subdomain from planting its own request (login CSRF).
    /// </summary>
    /// <value>The default value is <c>otl-sign-in</c>.</value>
    public string RequestCookieName { get; set; } = "otl-sign-in";

    /// <summary>Gets or sets how often the "check your email" page reloads itself (no script: a meta refresh) to see whether the request was approved.</summary>
    /// <value>The default value is 10 seconds: long enough to type the code before the page reloads.</value>
    public TimeSpan StatusRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
