namespace OneTimeLink;

/// <summary>Settings of one link purpose, such as <c>activate-account</c> or <c>reset-password</c>.</summary>
public sealed class LinkPurposeOptions
{
    /// <summary>Gets or sets how long a link of this purpose stays valid. Keep it short: hours for activation, minutes for a password reset.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>; a positive lifetime of at least one second is required.</value>
    public TimeSpan Lifetime { get; set; }

    /// <summary>Gets or sets a value indicating whether a link of this purpose can be redeemed only once.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SingleUse { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether links of this purpose are bound to the subject's state, as reported by the
    /// registered <see cref="ILinkStateProvider"/>: a link dies when the state changes.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool BindState { get; set; }
}
