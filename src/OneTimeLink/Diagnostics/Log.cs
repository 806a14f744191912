using Microsoft.Extensions.Logging;

namespace OneTimeLink.Diagnostics;

/// <summary>
/// The library's log events. A token is never logged: its id (<c>jti</c>) and purpose identify it. Rejections are
/// Information (normal traffic), successes Debug.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Issued a '{Purpose}' link {TokenId} expiring at {ExpiresAt:O}.", EventName = "LinkIssued")]
    public static partial void LinkIssued(ILogger logger, string purpose, string tokenId, DateTimeOffset expiresAt);

    [LoggerMessage(2, LogLevel.Debug, "Validated a '{Purpose}' link {TokenId}.", EventName = "LinkValidated")]
    public static partial void LinkValidated(ILogger logger, string purpose, string tokenId);

    [LoggerMessage(3, LogLevel.Debug, "Redeemed a '{Purpose}' link {TokenId}.", EventName = "LinkRedeemed")]
    public static partial void LinkRedeemed(ILogger logger, string purpose, string tokenId);

    [LoggerMessage(4, LogLevel.Information, "Rejected a '{Purpose}' link {TokenId}: {Failure}.", EventName = "LinkRejected")]
    public static partial void LinkRejected(ILogger logger, string purpose, string? tokenId, LinkFailure failure);

    [LoggerMessage(5, LogLevel.Warning, "The redemption store failed for a '{Purpose}' link {TokenId}; the link was refused.", EventName = "RedemptionStoreFailed")]
    public static partial void RedemptionStoreFailed(ILogger logger, string purpose, string tokenId, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "The redemption store is unavailable; a '{Purpose}' link {TokenId} was refused.", EventName = "RedemptionStoreUnavailable")]
    public static partial void RedemptionStoreUnavailable(ILogger logger, string purpose, string tokenId, Exception exception);
}
