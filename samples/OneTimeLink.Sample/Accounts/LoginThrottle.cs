using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.Sample.Accounts;

/// <summary>
/// Throttles password guessing on <c>POST /login</c> with ASP.NET Core's rate limiters, chained: an attempt needs a
/// permit from its client's window (one client trying many addresses) and from its address's window (many clients
/// trying one address). The address is in the body, which the rate-limiting middleware never reads, so the endpoint
/// asks this throttle itself once it has read the form; every attempt counts, right or wrong, so the throttle says
/// nothing about the password.
/// </summary>
/// <remarks>
/// Behind a reverse proxy, the client is the proxy unless <c>UseForwardedHeaders</c> restores the caller's address.
/// A per-address limit also lets anyone slow down sign-in to one account for a window; keep the window short.
/// </remarks>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<LoginAttempt> _limiter;

    public LoginThrottle(IOptions<LoginThrottleOptions> options)
    {
        LoginThrottleOptions settings = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<LoginAttempt, string>(attempt => RateLimitPartition.GetFixedWindowLimiter(
                attempt.Client, _ => Window(settings.AttemptsPerClient, settings.Window))),
            PartitionedRateLimiter.Create<LoginAttempt, string>(attempt => RateLimitPartition.GetFixedWindowLimiter(
                attempt.Address, _ => Window(settings.AttemptsPerAddress, settings.Window))));
    }

    /// <summary>Takes a permit for <paramref name="attempt"/>; when there is none, says how long to wait.</summary>
    /// <returns><see langword="true"/> when the attempt may go ahead.</returns>
    public bool TryAcquire(LoginAttempt attempt, out TimeSpan? retryAfter)
    {
        using RateLimitLease lease = _limiter.AttemptAcquire(attempt);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
