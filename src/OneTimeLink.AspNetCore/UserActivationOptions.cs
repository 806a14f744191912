namespace OneTimeLink.AspNetCore;

/// <summary>Settings of account activation (register, activate, resend), validated when the application starts.</summary>
public sealed class UserActivationOptions : LinkFlowOptions
{
    /// <summary>The link purpose activation links use unless <c>AddUserActivation</c> is given another.</summary>
    public const string DefaultPurpose = "activate-account";

    /// <summary>Gets or sets the shortest password accepted at registration, in characters.</summary>
    /// <value>The default value is 8.</value>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>Gets or sets the longest password accepted at registration, in characters; it bounds the work of hashing it.</summary>
    /// <value>The default value is 128.</value>
    public int PasswordMaxLength { get; set; } = 128;
}
