namespace OneTimeLink.Sample.Data;

/// <summary>A registered person. Inactive until they follow the link in their activation email (or a reset link).</summary>
public sealed class SampleUser
{
    public required string Id { get; init; }

    /// <summary>The address as typed; <see cref="NormalizedEmail"/> is what lookups and the unique index use.</summary>
    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public string PasswordHash { get; set; } = string.Empty;

    public bool IsActive { get; set; }

    /// <summary>
    /// Changes whenever what was handed out before must stop working: outstanding links (a newer activation link was
    /// sent, a pending registration was replaced, the password was reset) and, after a reset, every sign-in cookie.
    /// </summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
