namespace OneTimeLink.AspNetCore;

/// <summary>
/// The application's user storage, as account activation uses it. Register it in DI; it may be scoped: the flows call
/// it from a scope of their own, after the request was answered.
/// </summary>
public interface IUserActivationStore : ILinkFlowUserStore
{
    /// <summary>Creates an inactive user, unless the email is already taken.</summary>
    /// <param name="email">The new user's email address.</param>
    /// <param name="password">The new user's password, in clear: hash it (Identity's <c>IPasswordHasher</c>, for example) before storing it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new, inactive user; <see langword="null"/> when a user with this email already exists.</returns>
    ValueTask<LinkFlowUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a pending registration: when the user is still inactive, sets the new password and changes the state
    /// stamp, so every link sent for the earlier registration dies. Whoever registered an address first cannot keep
    /// their password on it: only the registration whose link the mailbox owner follows counts.
    /// </summary>
    /// <param name="userId">The inactive user's id.</param>
    /// <param name="password">The new password, in clear: hash it before storing it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the registration was replaced; <see langword="false"/> when the user is active by now
    /// (check and change in one step, as a conditional update), and then nothing may change.
    /// </returns>
    ValueTask<bool> ReplacePendingRegistrationAsync(string userId, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Activates the user (Identity: confirms the email), in one conditional step. Activation must change the user's
    /// <see cref="LinkFlowUser.State"/>, so outstanding activation links die with it.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when this call activated the user; <see langword="false"/> when the user was active already.</returns>
    ValueTask<bool> ActivateAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the user's state stamp (Identity: <c>UpdateSecurityStampAsync</c>), so every link sent before stops
    /// working. Called before a new activation link is sent.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the new stamp is stored.</returns>
    ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken);
}
