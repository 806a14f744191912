using Microsoft.Extensions.Logging;

namespace OneTimeLink.AspNetCore.Diagnostics;

/// <summary>
/// The activation endpoints' log events. Never a token, a password or an email address: users appear by id, links by
/// their token id (<c>jti</c>). Account changes are Information, link rejections Information, the rest Debug.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Registered inactive user {UserId}.", EventName = "UserRegistered")]
    public static partial void UserRegistered(ILogger logger, string userId);

    [LoggerMessage(102, LogLevel.Information, "Registration for the existing user {UserId}; answered as usual, an account-exists notice is due.", EventName = "RegistrationForExistingUser")]
    public static partial void RegistrationForExistingUser(ILogger logger, string userId);

    [LoggerMessage(103, LogLevel.Debug, "Sent user {UserId} the activation link {TokenId}, expiring at {ExpiresAt:O}.", EventName = "ActivationLinkSent")]
    public static partial void ActivationLinkSent(ILogger logger, string userId, string tokenId, DateTimeOffset expiresAt);

    [LoggerMessage(104, LogLevel.Debug, "Sent user {UserId} an account-exists notice.", EventName = "AccountExistsNoticeSent")]
    public static partial void AccountExistsNoticeSent(ILogger logger, string userId);

    [LoggerMessage(105, LogLevel.Information, "Mail to an address was throttled: one was sent within the last {Window}; answered as usual.", EventName = "MailThrottled")]
    public static partial void MailThrottled(ILogger logger, TimeSpan window);

    [LoggerMessage(106, LogLevel.Debug, "Resend for user {UserId}: older activation links revoked.", EventName = "ActivationLinksRenewed")]
    public static partial void ActivationLinksRenewed(ILogger logger, string userId);

    [LoggerMessage(107, LogLevel.Information, "Activated user {UserId} with link {TokenId}.", EventName = "UserActivated")]
    public static partial void UserActivated(ILogger logger, string userId, string tokenId);

    [LoggerMessage(108, LogLevel.Debug, "Link {TokenId} is for user {UserId}, who is already active.", EventName = "AlreadyActive")]
    public static partial void AlreadyActive(ILogger logger, string? tokenId, string userId);

    [LoggerMessage(109, LogLevel.Information, "Rejected activation link {TokenId}: {Code} ({Failure}).", EventName = "ActivationRejected")]
    public static partial void ActivationRejected(ILogger logger, string? tokenId, string code, LinkFailure failure);

    [LoggerMessage(110, LogLevel.Information, "Rejected a request to {Path}: {Reason}", EventName = "InvalidRequest")]
    public static partial void InvalidRequest(ILogger logger, string path, string reason);

    [LoggerMessage(
        111,
        LogLevel.Warning,
        "UserActivationOptions.PublicBaseUri is not set; in Development, links use {BaseUri}. Set it before deploying.",
        EventName = "PublicBaseUriMissing")]
    public static partial void PublicBaseUriMissing(ILogger logger, Uri baseUri);
}
