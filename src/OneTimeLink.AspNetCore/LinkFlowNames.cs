namespace OneTimeLink.AspNetCore;

/// <summary>The names of the link flows, as <see cref="LinkPage.Flow"/> and the <c>onetimelink.flow</c> metric tag give them.</summary>
public static class LinkFlowNames
{
    /// <summary>Account activation: register, activate, resend.</summary>
    public const string Activation = "activation";

    /// <summary>Password reset: forgot password, reset password.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>Passwordless sign-in: sign-in link, sign-in, status, code.</summary>
    public const string MagicLinkSignIn = "sign-in";
}
