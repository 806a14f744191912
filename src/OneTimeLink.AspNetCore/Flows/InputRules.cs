using System.Globalization;
using System.Net.Mail;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>Checks the fields a request shows by itself — email syntax and length, password length — never an account's state.</summary>
internal static class InputRules
{
    public const string EmailField = "email";
    public const string PasswordField = "password";
    public const string TokenField = "token";
    public const string CodeField = "code";

    /// <summary>Checks an email address and returns it trimmed, or <see langword="null"/> after adding the problem.</summary>
    public static string? CheckEmail(string? email, int maxLength, Dictionary<string, string[]> errors)
    {
        string trimmed = email?.Trim() ?? string.Empty;
        string? problem =
            trimmed.Length == 0 ? "An email address is required."
            : trimmed.Length > maxLength ? Format("The email address must have at most {0} characters.", maxLength)
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
    /// <returns>The password when its length is right; otherwise <see langword="null"/>, after adding the problem.</returns>
    public static string? CheckPassword(string? password, PasswordRule rule, Dictionary<string, string[]> errors)
    {
        string? problem =
            string.IsNullOrEmpty(password) ? "A password is required."
            : password.Length < rule.MinLength ? Format("The password must have at least {0} characters.", rule.MinLength)
            : password.Length > rule.MaxLength ? Format("The password must have at most {0} characters.", rule.MaxLength)
            : null;

        if (problem is null)
        {
            return password;
        }

        errors[PasswordField] = [problem];
        return null;
    }

    /// <summary>A bare address (no display name, no spaces or control characters) that <see cref="MailAddress"/> accepts as it is.</summary>
    private static bool IsPlainAddress(string email) =>
        !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailAddress.TryCreate(email, out MailAddress? address)
        && string.Equals(address.Address, email, StringComparison.Ordinal);

    private static string Format(string format, int value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
