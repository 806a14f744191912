namespace OneTimeLink.Sample.Data;

/// <summary>A message the sample "sent": the dev mailbox shows these instead of delivering email.</summary>
public sealed class MailboxMessage
{
    public int Id { get; init; }

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The activation link, when the message carries one.</summary>
    public string? Link { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
