using Microsoft.Extensions.Logging;

namespace OneTimeLink.Redis;

/// <summary>The Redis store's log events: once when Redis stops answering, once when it answers again; never a token.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning,
        "Redis stopped answering the redemption store (timeout {Timeout}); single-use links are refused until it is back.",
        EventName = "RedisRedemptionStoreUnavailable")]
    public static partial void StoreUnavailable(ILogger logger, TimeSpan timeout, Exception exception);

    [LoggerMessage(102, LogLevel.Information,
        "Redis answers the redemption store again after {Outage}; {Refused} redemptions were refused meanwhile.",
        EventName = "RedisRedemptionStoreRecovered")]
    public static partial void StoreRecovered(ILogger logger, TimeSpan outage, long refused);
}
