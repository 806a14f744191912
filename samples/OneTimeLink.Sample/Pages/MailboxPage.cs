using System.Text;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Pages;

/// <summary>The dev mailbox for a person: every message the sample "sent", newest first.</summary>
public static class MailboxPage
{
    public static IResult Render(IReadOnlyList<MailboxMessage> messages)
    {
        if (messages.Count == 0)
        {
            return Html.Page("Dev mailbox", "<section><p>No messages yet. Register on the <a href=\"/\">home page</a> first.</p></section>");
        }

        var rows = new StringBuilder();
        foreach (MailboxMessage message in messages)
        {
            string link = message.Link is null
                ? string.Empty
                : $"<br><a class=\"activation-link\" href=\"{Html.Encode(message.Link)}\">{Html.Encode(message.Link)}</a>";
            rows.Append(
                $"<tr><td>{Html.Encode(message.SentAt.ToString("u"))}</td><td>{Html.Encode(message.To)}</td>" +
                $"<td><strong>{Html.Encode(message.Subject)}</strong><br>{Html.Encode(message.Body)}{link}</td></tr>");
        }

        return Html.Page(
            "Dev mailbox",
            $"<section><p>Mail the sample would have sent, newest first. Development only.</p>" +
            $"<table><thead><tr><th>Sent</th><th>To</th><th>Message</th></tr></thead><tbody>{rows}</tbody></table></section>");
    }
}
