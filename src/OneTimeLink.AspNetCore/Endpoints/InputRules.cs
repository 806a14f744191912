using System.Globalization;
using System.Net.Mail;

namespace OneTimeLink.AspNetCore.Endpoints;

/// <summary>Checks the email and password fields; each problem is added under the field's JSON name.</summary>
internal static class InputRules
{
    public const string EmailField = "email";
    public const string PasswordField = "password";

    /// <summary>Checks an email address and returns it trimmed, or <see langword="null"/> after adding the problem.</summary>
    public static string? CheckEmail(string? email, UserActivationOptions options, Dictionary<string, string[]> errors)
    {
        string trimmed = email?.Trim() ?? string.Empty;
        string? problem =
            trimmed.Length == 0 ? "An email address is required."
            : trimmed.Length > options.EmailMaxLength ? Format("The email address must have at most {0} characters.", options.EmailMaxLength)
            : !IsPlainAddress(trimmed) ? "The email address is not valid."
            : null;

        if (problem is null)
        {
            return trimmed;
        }

        errors[EmailField] = [problem];
        return null;
    }

    /// <summary>Checks a password's length, and nothing else: its other rules, and its hashing, are the store's business.</summary>
    public static void CheckPassword(string? password, UserActivationOptions options, Dictionary<string, string[]> errors)
    {
        string? problem =
            string.IsNullOrEmpty(password) ? "A password is required."
            : password.Length < options.PasswordMinLength ? Format("The password must have at least {0} characters.", options.PasswordMinLength)
            : password.Length > options.PasswordMaxLength ? Format("The password must have at most {0} characters.", options.PasswordMaxLength)
            : null;

        if (problem is not null)
        {
            errors[PasswordField] = [problem];
        }
    }

    /// <summary>A bare address (no display name, no spaces or control characters) that <see cref="MailAddress"/> accepts as it is.</summary>
    private static bool IsPlainAddress(string email) =>
        !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailAddress.TryCreate(email, out MailAddress? address)
        && string.Equals(address.Address, email, StringComparison.Ordinal);

    private static string Format(string format, int value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
