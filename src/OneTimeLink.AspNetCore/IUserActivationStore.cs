namespace OneTimeLink.AspNetCore;

/// <summary>
/// The application's user storage, as the activation endpoints use it: an EF Core <c>DbContext</c>, ASP.NET Core
/// Identity's <c>UserManager</c> or anything else. Register it in DI; it may be scoped.
/// </summary>
/// <remarks>
/// Emails are compared the way the store compares them (usually case-insensitively, after normalization); the endpoints
/// pass them on trimmed and syntax-checked. Passwords are the store's business: it hashes them, the endpoints only check
/// their length and never keep or log them.
/// </remarks>
public interface IUserActivationStore
{
    /// <summary>Creates an inactive user, unless the email is already taken.</summary>
    /// <param name="email">The new user's email address.</param>
    /// <param name="password">The new user's password, in clear: hash it (Identity's <c>IPasswordHasher</c>, for example) before storing it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new, inactive user; <see langword="null"/> when a user with this email already exists.</returns>
    ValueTask<ActivationUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Finds a user by id.</summary>
    /// <param name="userId">The user's id, as given by <see cref="ActivationUser.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The user, or <see langword="null"/> when there is none.</returns>
    ValueTask<ActivationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Finds a user by email address.</summary>
    /// <param name="email">The email address, trimmed.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The user, or <see langword="null"/> when there is none.</returns>
    ValueTask<ActivationUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Activates the user (Identity: confirms the email). Idempotent: activating an active user changes nothing.
    /// Activation must change the state <see cref="GetStateAsync"/> reports, so outstanding links die with it.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the user is active.</returns>
    ValueTask ActivateAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the user's current state stamp: an opaque string that changes when the user is activated and when
    /// <see cref="RenewStateAsync"/> is called, like Identity's security stamp. Activation links are bound to it, so a
    /// link stops working when it changes. Links carry only a keyed hash of it.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The stamp, or <see langword="null"/> when the user does not exist.</returns>
    ValueTask<string?> GetStateAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the user's state stamp (Identity: <c>UpdateSecurityStampAsync</c>), so every link sent before stops
    /// working. Called before a new activation link is sent.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the new stamp is stored.</returns>
    ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken);
}
