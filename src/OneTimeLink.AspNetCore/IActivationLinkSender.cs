namespace OneTimeLink.AspNetCore;

/// <summary>Delivers activation mail: usually an email, in development a local mailbox. Register it in DI; it may be scoped.</summary>
/// <remarks>
/// Prefer to queue the message and return, rather than talk to a mail server while the request waits: the register
/// and resend endpoints answer alike whatever the account's state, and a slow send would let response times tell.
/// </remarks>
public interface IActivationLinkSender
{
    /// <summary>Sends <paramref name="user"/> the link that activates the account.</summary>
    /// <param name="user">The inactive user; the message goes to <see cref="ActivationUser.Email"/>.</param>
    /// <param name="link">
    /// The absolute activation link, built from the configured public base URI. Put it in the message as it is
    /// (HTML-encode it yourself in an HTML body); never log it: whoever holds it can activate the account.
    /// </param>
    /// <param name="expiresAt">When the link stops working, to tell the user.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendActivationLinkAsync(ActivationUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Tells <paramref name="user"/> that someone tried to register with their email address, which already has an
    /// account: sign in, reset the password or, when the account is not active yet, ask for a new activation link.
    /// Sent instead of an error, so registering does not reveal which addresses have accounts.
    /// </summary>
    /// <param name="user">The existing user; the message goes to <see cref="ActivationUser.Email"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendAccountExistsNoticeAsync(ActivationUser user, CancellationToken cancellationToken);
}
