namespace OneTimeLink.Sample.Data;

/// <summary>A message the sample "sent": the dev mailbox shows these instead of delivering email.</summary>
public sealed class MailboxMessage
{
    public int Id { get; init; }

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>What the message is, one of <see cref="Mail.MailKinds"/>, so a test or a person can pick the right one.</summary>
    public required string Kind { get; init; }

    /// <summary>The link, when the message carries one.</summary>
    public string? Link { get; init; }

    /// <summary>The code to type in, when the message carries one: the emailed sign-in code.</summary>
    public string? Code { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
