using Microsoft.Extensions.Time.Testing;
using OneTimeLink.AspNetCore.Links;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class EmailThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(TestApp.Start);

    [Fact]
    public void TryAcquire_WithinTheWindow_RefusesUntilItHasPassed()
    {
        var throttle = new EmailThrottle(s_window, _time, capacity: 10);

        throttle.TryAcquire("ann@example.com").Should().BeTrue();
        _time.Advance(s_window - TimeSpan.FromSeconds(1));
        throttle.TryAcquire("ann@example.com").Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.TryAcquire("ann@example.com").Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_IgnoresCaseAndSurroundingSpace_AndKeepsAddressesApart()
    {
        var throttle = new EmailThrottle(s_window, _time, capacity: 10);

        throttle.TryAcquire("ann@example.com").Should().BeTrue();
        throttle.TryAcquire(" ANN@Example.com ").Should().BeFalse();
        throttle.TryAcquire("bob@example.com").Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_PastCapacity_ForgetsTheOldestAndStaysBounded()
    {
        var throttle = new EmailThrottle(s_window, _time, capacity: 3);

        for (int i = 0; i < 10; i++)
        {
            throttle.TryAcquire($"user{i}@example.com").Should().BeTrue();
            throttle.Count.Should().BeLessThanOrEqualTo(3);
        }

        throttle.TryAcquire("user9@example.com").Should().BeFalse("the newest are remembered");
        throttle.TryAcquire("user0@example.com").Should().BeTrue("the oldest were forgotten");
    }

    [Fact]
    public void TryAcquire_ForgetsExpiredEntries()
    {
        var throttle = new EmailThrottle(s_window, _time, capacity: 100);
        for (int i = 0; i < 50; i++)
        {
            throttle.TryAcquire($"user{i}@example.com");
        }

        _time.Advance(s_window);
        throttle.TryAcquire("late@example.com").Should().BeTrue();

        throttle.Count.Should().Be(1);
    }
}
