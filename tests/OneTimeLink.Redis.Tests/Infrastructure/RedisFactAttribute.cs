namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// A fact that needs a real redis-server: skipped, with the reason, when none is on PATH, unless
/// <c>ONETIMELINK_REQUIRE_REDIS=1</c> asks for it, in which case it runs and fails.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
