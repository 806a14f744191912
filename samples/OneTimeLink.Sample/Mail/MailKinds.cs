namespace OneTimeLink.Sample.Mail;

/// <summary>The <c>kind</c> of each message in the dev mailbox.</summary>
public static class MailKinds
{
    public const string Activation = "activation";

    public const string AccountExists = "account-exists";

    public const string PasswordReset = "password-reset";

    public const string PasswordChanged = "password-changed";
    public const string SignIn = "sign-in";
}
