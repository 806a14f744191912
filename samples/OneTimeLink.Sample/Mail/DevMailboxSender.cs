using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Mail;

/// <summary>
/// "Sends" mail by storing it in the database, where <c>/dev/mailbox</c> shows it. A real application registers an
/// <see cref="IActivationLinkSender"/> that delivers email instead (the README shows one on SMTP).
/// </summary>
public sealed partial class DevMailboxSender(SampleDbContext db, TimeProvider timeProvider, ILogger<DevMailboxSender> logger, IConfiguration configuration)
    : IActivationLinkSender
{
    public async ValueTask SendActivationLinkAsync(ActivationUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await StoreAsync(
            user.Email,
            "Activate your account",
            $"Welcome! Open this link to activate your account. It works once, until {expiresAt:u}.",
            link,
            cancellationToken);
    }

    public async ValueTask SendAccountExistsNoticeAsync(ActivationUser user, CancellationToken cancellationToken)
    {
        await StoreAsync(
            user.Email,
            "Someone tried to register with your address",
            "An account with this address already exists. If that was you, sign in instead; if you forgot your password, reset it. If not, ignore this message.",
            link: null,
            cancellationToken);
    }

    private async Task StoreAsync(string to, string subject, string body, Uri? link, CancellationToken cancellationToken)
    {
        db.Mailbox.Add(new MailboxMessage { To = to, Subject = subject, Body = body, Link = link?.AbsoluteUri, SentAt = timeProvider.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        LogMailStored(logger, subject, MailboxUri());
    }

    private string MailboxUri() => new Uri(new Uri(configuration["UserActivation:PublicBaseUri"] ?? "http://127.0.0.1:5080"), "/dev/mailbox").AbsoluteUri;

    [LoggerMessage(1, LogLevel.Information, "Mail \"{Subject}\" stored in the dev mailbox: open {MailboxUri}")]
    private static partial void LogMailStored(ILogger logger, string subject, string mailboxUri);
}
