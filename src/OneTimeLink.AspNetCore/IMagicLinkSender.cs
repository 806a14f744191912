namespace OneTimeLink.AspNetCore;

/// <summary>Delivers sign-in mail: usually an email, in development a local mailbox. Register it in DI; it may be scoped.</summary>
/// <remarks>
/// It is called after the request was answered, from the flows' background queue, so a slow mail server delays no
/// answer and no answer tells by its timing whether an account exists.
/// </remarks>
public interface IMagicLinkSender
{
    /// <summary>Sends <paramref name="user"/> the one credential of a sign-in request, in its two forms: a link and a code.</summary>
    /// <param name="user">The active user; the message goes to <see cref="LinkFlowUser.Email"/>.</param>
    /// <param name="link">
    /// The absolute sign-in link, built from the configured public base URI. Opened in the browser that asked, it signs
    /// that browser in; opened anywhere else, it approves the asking browser. Never log it.
    /// </param>
    /// <param name="code">
    /// The 8-character code, for typing into the browser that asked when the link is awkward to open (another device, an
    /// in-app browser). Show it as it is, without separators; never log it. Using the link or the code uses both.
    /// </param>
    /// <param name="expiresAt">When the link and the code stop working, to tell the user.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is sent or queued.</returns>
    ValueTask SendSignInLinkAsync(LinkFlowUser user, Uri link, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
