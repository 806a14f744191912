namespace OneTimeLink.AspNetCore;

/// <summary>Settings of the account activation endpoints, validated when the application starts.</summary>
public sealed class UserActivationOptions
{
    /// <summary>The link purpose activation links use unless <c>AddUserActivation</c> is given another.</summary>
    public const string DefaultPurpose = "activate-account";

    /// <summary>
    /// Gets or sets the site's public address, such as <c>https://example.com</c> or <c>https://example.com/app/</c>.
    /// Every link is built from it, never from the request's <c>Host</c> or <c>X-Forwarded-Host</c> header, which
    /// anyone can set. It must be absolute, without query or fragment, and use https outside Development.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: required outside Development; in Development links then use the
    /// server's own listening address.
    /// </value>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>Gets or sets where links carry their token.</summary>
    /// <value>The default value is <see cref="ActivationTokenPlacement.Query"/>.</value>
    public ActivationTokenPlacement TokenPlacement { get; set; } = ActivationTokenPlacement.Query;

    /// <summary>Gets or sets the shortest password accepted at registration, in characters.</summary>
    /// <value>The default value is 8.</value>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>Gets or sets the longest password accepted at registration, in characters; it bounds the work of hashing it.</summary>
    /// <value>The default value is 128.</value>
    public int PasswordMaxLength { get; set; } = 128;

    /// <summary>Gets or sets the longest email address accepted, in characters.</summary>
    /// <value>The default value is 254, the longest address SMTP can deliver to.</value>
    public int EmailMaxLength { get; set; } = 254;

    /// <summary>
    /// Gets or sets how long after a message to an address no other message is sent to it, whichever endpoint asks.
    /// A throttled request is answered exactly like any other, so the throttle reveals nothing; <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan EmailThrottleWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the path on this site where a person signs in, such as <c>/login</c>. When set, the page shown after
    /// activating (or for an account already active) links to it, so the person can carry on. It must be a local path:
    /// it starts with a single <c>/</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the pages show no such link.</value>
    public string? SignInPath { get; set; }
}
