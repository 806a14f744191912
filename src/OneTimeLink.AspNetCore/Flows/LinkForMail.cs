namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// An issued link as a flow mails it: the absolute URL, when it expires, its token id for the logs, and the token itself
/// for a flow that hands the same credential out in a second form (a sign-in code).
/// </summary>
internal sealed record LinkForMail(Uri Link, DateTimeOffset ExpiresAt, string TokenId, string Token);
