namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>An address as a landing page shows it, "a•••@example.com": enough to recognise one's own, too little to harvest.</summary>
internal static class MaskedEmail
{
    public static string Of(string email)
    {
        int at = email.LastIndexOf('@');
        return at <= 0 ? "•••" : string.Concat(email.AsSpan(0, 1), "•••", email.AsSpan(at));
    }
}
