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
            return Html.Page("Dev mailbox", "<section><p>No messages yet. Register on the <a href=\"/\">home page</a> first. Mail is sent a moment after the form is answered: reload this page.</p></section>");
        }

        var rows = new StringBuilder();
        foreach (MailboxMessage message in messages)
        {
            // The class names the kind ("activation-link", "password-reset-link"), so a test can find the right link.
            string link = message.Link is null
                ? string.Empty
                : $"<br><a class=\"{Html.Encode(message.Kind)}-link\" href=\"{Html.Encode(message.Link)}\">{Html.Encode(message.Link)}</a>";
            string code = message.Code is null ? string.Empty : $"<br>Code: <code>{Html.Encode(message.Code)}</code>";
            rows.Append(
                $"<tr><td>{Html.Encode(message.SentAt.ToString("u"))}</td><td>{Html.Encode(message.To)}</td><td>{Html.Encode(message.Kind)}</td>" +
                $"<td><strong>{Html.Encode(message.Subject)}</strong><br>{Html.Encode(message.Body)}{link}{code}</td></tr>");
        }

        return Html.Page(
            "Dev mailbox",
            $"<section><p>Mail the sample would have sent, newest first. Development only. Mail is sent a moment after a form is answered: reload if yours is not here yet.</p>" +
            $"<table><thead><tr><th>Sent</th><th>To</th><th>Kind</th><th>Message</th></tr></thead><tbody>{rows}</tbody></table></section>");
    }
}
