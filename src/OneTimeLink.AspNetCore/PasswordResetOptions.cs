namespace OneTimeLink.AspNetCore;

/// <summary>Settings of password reset (forgot password, reset password), validated when the application starts.</summary>
public sealed class PasswordResetOptions : LinkFlowOptions
{
    /// <summary>The link purpose reset links use unless <c>AddPasswordReset</c> is given another.</summary>
    public const string DefaultPurpose = "reset-password";

    /// <summary>Gets or sets the shortest new password accepted, in characters; the store's own rules apply on top.</summary>
    /// <value>The default value is 8.</value>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>Gets or sets the longest new password accepted, in characters; it bounds the work of hashing it.</summary>
    /// <value>The default value is 128.</value>
    public int PasswordMaxLength { get; set; } = 128;
}
