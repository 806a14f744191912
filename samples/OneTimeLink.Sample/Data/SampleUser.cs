namespace OneTimeLink.Sample.Data;

/// <summary>A registered person. Inactive until they follow the link in their activation email.</summary>
public sealed class SampleUser
{
    public required string Id { get; init; }

    /// <summary>The address as typed; <see cref="NormalizedEmail"/> is what lookups and the unique index use.</summary>
    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public string PasswordHash { get; set; } = string.Empty;

    public bool IsActive { get; set; }

    /// <summary>Changes whenever outstanding activation links must stop working (a newer link was sent).</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
