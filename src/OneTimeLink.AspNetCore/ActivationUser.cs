namespace OneTimeLink.AspNetCore;

/// <summary>What the activation endpoints need to know about a user, as reported by <see cref="IUserActivationStore"/>.</summary>
public sealed class ActivationUser
{
    /// <summary>Initializes a new instance of the <see cref="ActivationUser"/> class.</summary>
    /// <param name="id">The user's stable id; it becomes the subject of the user's activation links.</param>
    /// <param name="email">The user's email address, where activation links are sent.</param>
    /// <param name="isActive">Whether the account has been activated.</param>
    public ActivationUser(string id, string email, bool isActive)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(email);
        Id = id;
        Email = email;
        IsActive = isActive;
    }

    /// <summary>Gets the user's stable id, such as a database key. It is carried in links, signed but not encrypted: never use a secret.</summary>
    public string Id { get; }

    /// <summary>Gets the user's email address.</summary>
    public string Email { get; }

    /// <summary>Gets a value indicating whether the account has been activated.</summary>
    public bool IsActive { get; }
}
