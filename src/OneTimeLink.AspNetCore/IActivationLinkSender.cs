namespace OneTimeLink.AspNetCore;

/// <summary>Delivers activation mail: usually an email, in development a local mailbox. Register it in DI; it may be scoped.</summary>
/// <remarks>
/// It is called after the request was answered, from the flows' background queue, so a slow mail server delays no
/// answer and no answer tells by its timing whether mail was sent.
/// </remarks>
public interface IActivationLinkSender
{
    /// <summary>Sends <paramref name="user"/> the link that activates the account.</summary>
    /// <param name="user">The inactive user; the message goes to <see cref="LinkFlowUser.Email"/>.</param>
    /// <param name="link">
    /// The absolute activation link, built from the configured public base URI. Put it in the message as it is
    /// (HTML-encode it yourself in an HTML body); never log it: whoever holds it can activate the account.
    /// </param>
    /// <param name="expiresAt">When the link stops working, to tell the user.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendActivationLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Tells <paramref name="user"/> that someone tried to register with their email address, which already has an
    /// active account: sign in, or reset the password. Sent instead of an error, so registering does not reveal which
    /// addresses have accounts.
    /// </summary>
    /// <param name="user">The existing user; the message goes to <see cref="LinkFlowUser.Email"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendAccountExistsNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken);
}
