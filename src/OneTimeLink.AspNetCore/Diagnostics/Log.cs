using Microsoft.Extensions.Logging;

namespace OneTimeLink.AspNetCore.Diagnostics;

/// <summary>
/// The link flows' log events. Never a token, a password or an email address: users appear by id, links by their
/// token id (<c>jti</c>). Account changes and refusals are Information, the rest Debug.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Registered inactive user {UserId}.", EventName = "UserRegistered")]
    public static partial void UserRegistered(ILogger logger, string userId);

    [LoggerMessage(102, LogLevel.Information, "Registration for the active user {UserId}; answered as usual, an account-exists notice is due.", EventName = "RegistrationForExistingUser")]
    public static partial void RegistrationForExistingUser(ILogger logger, string userId);

    [LoggerMessage(103, LogLevel.Debug, "Sent user {UserId} the {Flow} link {TokenId}, expiring at {ExpiresAt:O}.", EventName = "LinkSent")]
    public static partial void LinkSent(ILogger logger, string flow, string userId, string tokenId, DateTimeOffset expiresAt);

    [LoggerMessage(104, LogLevel.Debug, "Sent user {UserId} a {Notice} notice.", EventName = "NoticeSent")]
    public static partial void NoticeSent(ILogger logger, string userId, string notice);

    [LoggerMessage(105, LogLevel.Information, "Mail of the {Flow} flow to user {UserId} was throttled: one was sent within the last {Window}; answered as usual.", EventName = "MailThrottled")]
    public static partial void MailThrottled(ILogger logger, string flow, string userId, TimeSpan window);

    [LoggerMessage(106, LogLevel.Debug, "Resend for user {UserId}: older activation links revoked.", EventName = "ActivationLinksRenewed")]
    public static partial void ActivationLinksRenewed(ILogger logger, string userId);

    [LoggerMessage(107, LogLevel.Information, "Activated user {UserId} with link {TokenId}.", EventName = "UserActivated")]
    public static partial void UserActivated(ILogger logger, string userId, string tokenId);

    [LoggerMessage(108, LogLevel.Debug, "Link {TokenId} is for user {UserId}, who is already active.", EventName = "AlreadyActive")]
    public static partial void AlreadyActive(ILogger logger, string? tokenId, string userId);

    [LoggerMessage(109, LogLevel.Information, "Refused {Flow} link {TokenId}: {Code} ({Failure}).", EventName = "LinkRefused")]
    public static partial void LinkRefused(ILogger logger, string flow, string? tokenId, string code, LinkFailure failure);

    [LoggerMessage(110, LogLevel.Information, "Rejected a request to {Path}: {Reason}", EventName = "InvalidRequest")]
    public static partial void InvalidRequest(ILogger logger, string path, string reason);

    [LoggerMessage(
        111,
        LogLevel.Warning,
        "PublicBaseUri is not set; in Development, links use {BaseUri}. Set it before deploying.",
        EventName = "PublicBaseUriMissing")]
    public static partial void PublicBaseUriMissing(ILogger logger, Uri baseUri);

    [LoggerMessage(112, LogLevel.Information, "Replaced the pending registration of inactive user {UserId}: new password, older links revoked.", EventName = "PendingRegistrationReplaced")]
    public static partial void PendingRegistrationReplaced(ILogger logger, string userId);

    [LoggerMessage(113, LogLevel.Warning, "The background queue is full: a {Flow} request was answered 503 busy.", EventName = "QueueFull")]
    public static partial void QueueFull(ILogger logger, string flow);

    [LoggerMessage(114, LogLevel.Error, "Background work {Work} failed with {ExceptionType}; the request had been answered already.", EventName = "BackgroundWorkFailed")]
    public static partial void BackgroundWorkFailed(ILogger logger, string work, string exceptionType);

    [LoggerMessage(115, LogLevel.Error, "Confirming {Flow} link {TokenId} failed with {ExceptionType}; answered 503, the link works on retry.", EventName = "ConfirmFailed")]
    public static partial void ConfirmFailed(ILogger logger, string flow, string tokenId, string exceptionType);

    [LoggerMessage(116, LogLevel.Information, "Link {TokenId} was redeemed before without effect; user {UserId}'s state is unchanged, so the {Flow} action is retried.", EventName = "IncompleteRedemptionRetried")]
    public static partial void IncompleteRedemptionRetried(ILogger logger, string flow, string tokenId, string userId);

    [LoggerMessage(117, LogLevel.Information, "Reset the password of user {UserId} with link {TokenId}; other sessions and reset links ended.", EventName = "PasswordReset")]
    public static partial void PasswordReset(ILogger logger, string userId, string tokenId);

    [LoggerMessage(118, LogLevel.Information, "A new password for user {UserId} was refused by the store's rules; link {TokenId} stays usable.", EventName = "PasswordRefused")]
    public static partial void PasswordRefused(ILogger logger, string userId, string tokenId);

    [LoggerMessage(120, LogLevel.Error, "Sending user {UserId} a {Notice} notice failed with {ExceptionType}.", EventName = "NoticeFailed")]
    public static partial void NoticeFailed(ILogger logger, string userId, string notice, string exceptionType);

    [LoggerMessage(
        119,
        LogLevel.Information,
        "{Flow} link {TokenId} was opened {Count} time(s) and not confirmed within {Window}: a mail scanner or link preview, or a person who left.",
        EventName = "LandingNotConfirmed")]
    public static partial void LandingNotConfirmed(ILogger logger, string flow, string tokenId, int count, TimeSpan window);

    [LoggerMessage(121, LogLevel.Information, "Signed user {UserId} in with sign-in link {TokenId}, by {Means}.", EventName = "SignedIn")]
    public static partial void SignedIn(ILogger logger, string userId, string tokenId, string means);

    [LoggerMessage(122, LogLevel.Information, "Sign-in link {TokenId} of user {UserId} was confirmed in another browser: the browser that asked is approved, nobody is signed in here.", EventName = "SignInApproved")]
    public static partial void SignInApproved(ILogger logger, string userId, string tokenId);

    [LoggerMessage(123, LogLevel.Information, "A sign-in code was refused (attempt {Attempt} of {MaxAttempts}).", EventName = "SignInCodeRefused")]
    public static partial void SignInCodeRefused(ILogger logger, long attempt, int maxAttempts);

    [LoggerMessage(124, LogLevel.Warning, "A sign-in request used up its {MaxAttempts} code attempts: its code and its link {TokenId} are revoked.", EventName = "SignInCodesExhausted")]
    public static partial void SignInCodesExhausted(ILogger logger, int maxAttempts, string? tokenId);

    [LoggerMessage(125, LogLevel.Information, "User {UserId} may not sign in now (the store refused: locked out or not allowed).", EventName = "SignInNotAllowed")]
    public static partial void SignInNotAllowed(ILogger logger, string userId);

    [LoggerMessage(126, LogLevel.Error, "The sign-in {Step} step failed with {ExceptionType}; the request is unchanged.", EventName = "SignInStepFailed")]
    public static partial void SignInStepFailed(ILogger logger, string step, string exceptionType);
}
