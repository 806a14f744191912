namespace OneTimeLink.AspNetCore;

/// <summary>
/// The lookups every link flow makes in the application's user storage: an EF Core <c>DbContext</c>, ASP.NET Core
/// Identity's <c>UserManager</c> or anything else. Each flow's store extends it with what that flow changes.
/// </summary>
/// <remarks>
/// Emails are compared the way the store compares them (usually case-insensitively, after normalization); the flows
/// pass them on trimmed and syntax-checked. Passwords are the store's business: it hashes them, the flows only check
/// their length and never keep or log them.
/// </remarks>
public interface ILinkFlowUserStore
{
    /// <summary>Finds a user by id, with the state stamp links are bound to (<see cref="LinkFlowUser.State"/>).</summary>
    /// <param name="userId">The user's id, as given by <see cref="LinkFlowUser.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The user, or <see langword="null"/> when there is none.</returns>
    ValueTask<LinkFlowUser?> FindByIdAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Finds a user by email address.</summary>
    /// <param name="email">The email address, trimmed.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The user, or <see langword="null"/> when there is none.</returns>
    ValueTask<LinkFlowUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
