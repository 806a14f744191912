namespace OneTimeLink.AspNetCore;

/// <summary>What the link flows need to know about a user, as the application's store reports it.</summary>
public sealed class LinkFlowUser
{
    /// <summary>Initializes a new instance of the <see cref="LinkFlowUser"/> class.</summary>
    /// <param name="id">The user's stable id; it becomes the subject of the user's links.</param>
    /// <param name="email">The user's email address, where links are sent.</param>
    /// <param name="isActive">Whether the account has been activated (Identity: the email is confirmed).</param>
    public LinkFlowUser(string id, string email, bool isActive)
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
