using Microsoft.EntityFrameworkCore;
using OneTimeLink.Sample.Data;
using OneTimeLink.Sample.Pages;

namespace OneTimeLink.Sample.Endpoints;

/// <summary><c>GET /dev/mailbox</c>: what the sample "sent", newest first. Mapped in Development only.</summary>
public static class MailboxEndpoints
{
    public static void MapDevMailbox(this IEndpointRouteBuilder app) =>
        app.MapGet("/dev/mailbox", async (HttpContext context, SampleDbContext db, CancellationToken cancellationToken) =>
        {
            List<MailboxMessage> messages = await db.Mailbox.AsNoTracking()
                .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
                .Take(200)
                .ToListAsync(cancellationToken);

            return Html.IsWantedBy(context.Request)
                ? MailboxPage.Render(messages)
                : Results.Ok(messages.Select(m => new { to = m.To, subject = m.Subject, kind = m.Kind, link = m.Link, code = m.Code, sentAt = m.SentAt }));
        });
}
