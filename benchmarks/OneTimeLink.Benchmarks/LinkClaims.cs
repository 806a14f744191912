namespace OneTimeLink.Benchmarks;

/// <summary>The one link every row issues and checks: the same issuer, audience, subject, purpose, lifetime and key.</summary>
public static class LinkClaims
{
    public const string Issuer = "https://app.example.com";
    public const string Audience = "app-links";
    public const string Purpose = "activate-account";
    public const string OtherPurpose = "reset-password";
    public const string KeyId = "2026-11";

    /// <summary>A user id as ASP.NET Core Identity makes them (a GUID), so every row carries the same subject.</summary>
    public const string Subject = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>32 random bytes, the HS256 minimum. A benchmark key only.</summary>
    public static readonly byte[] Secret = Convert.FromBase64String("mD1tCw0aZ8l8Qv6x2r1uJt4yH7pL0sN3kB5eF9gA2cE=");
}
