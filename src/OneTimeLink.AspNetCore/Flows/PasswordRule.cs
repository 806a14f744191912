namespace OneTimeLink.AspNetCore.Flows;

/// <summary>The length a password field must have; its other rules are the store's.</summary>
internal sealed record PasswordRule(int MinLength, int MaxLength);
