namespace OneTimeLink.AspNetCore;

/// <summary>What the link flows need to know about a user, as the application's store reports it.</summary>
public sealed class LinkFlowUser
{
    /// <summary>Initializes a new instance of the <see cref="LinkFlowUser"/> class.</summary>
    /// <param name="id">The user's stable id; it becomes the subject of the user's links.</param>
    /// <param name="email">The user's email address, where links are sent.</param>
    /// <param name="isActive">Whether the account has been activated (Identity: the email is confirmed).</param>
    /// <param name="state">The user's state stamp: see <see cref="State"/>.</param>
    public LinkFlowUser(string id, string email, bool isActive, string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentNullException.ThrowIfNull(state);
        Id = id;
        Email = email;
        IsActive = isActive;
        State = state;
    }

    /// <summary>Gets the user's stable id, such as a database key. It is carried in links, signed but not encrypted: never use a secret.</summary>
    public string Id { get; }

    /// <summary>Gets the user's email address.</summary>
    public string Email { get; }

    /// <summary>Gets a value indicating whether the account has been activated.</summary>
    public bool IsActive { get; }

    /// <summary>
    /// Gets the user's state stamp: an opaque string that changes whenever a link's action has been done or should no
    /// longer be possible — the account activated, the password changed, a pending registration replaced, a newer link
    /// requested — like Identity's security stamp plus the activation flag. Links are bound to it, so a link stops
    /// working when it changes; they carry only a keyed hash of it. It comes with the user, so checking a link and
    /// acting on it cost the store one lookup.
    /// </summary>
    public string State { get; }
}
