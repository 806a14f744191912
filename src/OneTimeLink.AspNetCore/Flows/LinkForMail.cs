namespace OneTimeLink.AspNetCore.Flows;

/// <summary>An issued link as a flow mails it: the absolute URL, when it expires, and its token id for the logs.</summary>
internal sealed record LinkForMail(Uri Link, DateTimeOffset ExpiresAt, string TokenId);
