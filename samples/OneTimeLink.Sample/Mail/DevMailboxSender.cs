using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Mail;

/// <summary>
/// "Sends" the mail of every flow by storing it in the database, where <c>/dev/mailbox</c> shows it. A real application
/// registers an <see cref="IActivationLinkSender"/>, an <see cref="IPasswordResetLinkSender"/> and an <see cref="IMagicLinkSender"/> that deliver email
/// instead (the README shows one on SMTP). The flows call it after the request was answered, from their background queue.
/// </summary>
public sealed partial class DevMailboxSender(
    SampleDbContext db, TimeProvider timeProvider, IOptions<UserActivationOptions> options, ILogger<DevMailboxSender> logger)
    : IActivationLinkSender, IPasswordResetLinkSender, IMagicLinkSender
{
    public ValueTask SendActivationLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        StoreAsync(
            user,
            MailKinds.Activation,
            "Activate your account",
            $"Welcome! Open this link to activate your account. It works once, until {expiresAt:u}.",
            link,
            cancellationToken);

    public ValueTask SendAccountExistsNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken) =>
        StoreAsync(
            user,
            MailKinds.AccountExists,
            "Someone tried to register with your address",
            "An account with this address already exists. If that was you, sign in instead; if you forgot your password, reset it. If not, ignore this message.",
            link: null,
            cancellationToken);

    public ValueTask SendPasswordResetLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        StoreAsync(
            user,
            MailKinds.PasswordReset,
            "Reset your password",
            $"Open this link to choose a new password. It works once, until {expiresAt:u}. If you did not ask for it, ignore this message: your password stays as it is.",
            link,
            cancellationToken);

    public ValueTask SendSignInLinkAsync(LinkFlowUser user, Uri link, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        StoreAsync(
            user,
            MailKinds.SignIn,
            "Your sign-in link",
            $"Open this link to sign in, on any device: opened elsewhere, it signs in the browser where you asked. Or type the code {code} there. Both work once, until {expiresAt:u}. If you did not ask, ignore this message.",
            link,
            cancellationToken,
            code);

    public ValueTask SendPasswordChangedNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken) =>
        StoreAsync(
            user,
            MailKinds.PasswordChanged,
            "Your password was changed",
            "The password of your account was just changed with a reset link, and every other session was signed out. If that was not you, reset it again now.",
            link: null,
            cancellationToken);

    private async ValueTask StoreAsync(LinkFlowUser user, string kind, string subject, string body, Uri? link, CancellationToken cancellationToken, string? code = null)
    {
        db.Mailbox.Add(new MailboxMessage
        {
            To = user.Email,
            Kind = kind,
            Subject = subject,
            Body = body,
            Link = link?.AbsoluteUri,
            Code = code,
            SentAt = timeProvider.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);

        // The user id and the kind, never the address or the link: whoever reads the log must not be able to use it.
        LogMailStored(logger, kind, user.Id, MailboxUri());
    }

    private string MailboxUri() =>
        options.Value.PublicBaseUri is { } site ? new Uri(site, "/dev/mailbox").AbsoluteUri : "/dev/mailbox";

    [LoggerMessage(1, LogLevel.Information, "Mail of kind {Kind} to user {UserId} stored in the dev mailbox: open {MailboxUri}")]
    private static partial void LogMailStored(ILogger logger, string kind, string userId, string mailboxUri);
}
