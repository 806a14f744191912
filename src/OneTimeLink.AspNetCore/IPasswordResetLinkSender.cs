namespace OneTimeLink.AspNetCore;

/// <summary>Delivers password reset mail. Register it in DI; it may be scoped.</summary>
/// <remarks>
/// Reset links are sent from the flows' background queue, after the request was answered, so whether an address has
/// an account shows neither in the answer nor in its timing.
/// </remarks>
public interface IPasswordResetLinkSender
{
    /// <summary>Sends <paramref name="user"/> the link that lets them choose a new password.</summary>
    /// <param name="user">The user; the message goes to <see cref="LinkFlowUser.Email"/>.</param>
    /// <param name="link">
    /// The absolute reset link, built from the configured public base URI. Put it in the message as it is (HTML-encode
    /// it yourself in an HTML body); never log it: whoever holds it can take over the account.
    /// </param>
    /// <param name="expiresAt">When the link stops working, to tell the user.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendPasswordResetLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Tells <paramref name="user"/> that their password was just changed through a reset link, so that an owner who did
    /// not ask for it learns at once.
    /// </summary>
    /// <param name="user">The user; the message goes to <see cref="LinkFlowUser.Email"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendPasswordChangedNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken);
}
