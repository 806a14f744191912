namespace OneTimeLink.Sample.Accounts;

/// <summary>
/// The sample's rule for a new password, on top of the flows' length check: not the account's own email address and
/// not one of a handful of the most common passwords. A real application checks a breached-password list instead
/// (or Identity's validators); the shape is the same.
/// </summary>
public static class SamplePasswordPolicy
{
    /// <summary>What the pages say about the rule, so a person is not surprised by a refusal.</summary>
    public const string Description = "It must not be your email address or one of the most common passwords, such as \"password1\" or \"12345678\".";

    private static readonly HashSet<string> s_common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890", "11111111",
        "qwertyui", "qwerty123", "iloveyou", "sunshine", "football", "abc12345", "letmein1", "welcome1",
    };

    /// <summary>What is wrong with <paramref name="password"/> for the account of <paramref name="email"/>; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Problems(string email, string password)
    {
        string candidate = password.Trim();
        if (string.Equals(candidate, email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ["Choose a password other than your email address."];
        }

        return s_common.Contains(candidate)
            ? ["This password is one of the most common ones, which attackers try first: choose another."]
            : [];
    }
}
