namespace OneTimeLink.AspNetCore;

/// <summary>
/// The application's user storage, as password reset uses it. Register it in DI; it may be scoped. The user's state
/// stamp (<see cref="LinkFlowUser.State"/>) must change with the password, so a reset ends every other outstanding
/// reset link.
/// </summary>
public interface IPasswordResetStore : ILinkFlowUserStore
{
    /// <summary>
    /// Checks a new password against the store's own rules (Identity: its <c>IPasswordValidator</c>s), beyond the length
    /// the flow checks itself. Called before the link is redeemed, so a refused password never uses it up.
    /// </summary>
    /// <param name="userId">The user whose password would change.</param>
    /// <param name="password">The new password, in clear.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What is wrong with the password, one sentence each, shown to the person; empty when it is acceptable.</returns>
    ValueTask<IReadOnlyList<string>> ValidatePasswordAsync(string userId, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the new password (hashed) and changes the security stamp, which ends every other session of the user and
    /// every other outstanding reset link; activates the account when it was inactive, since following the link proved
    /// the address.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="password">The new password, in clear, already accepted by <see cref="ValidatePasswordAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the new password is stored.</returns>
    ValueTask ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken);
}
