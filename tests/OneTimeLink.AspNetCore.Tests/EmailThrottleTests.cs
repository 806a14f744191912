using Microsoft.Extensions.Time.Testing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;
using OneTimeLink.AspNetCore.Throttling;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class EmailThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(TestApp.Start);

    [Fact]
    public void TryAcquire_WithinTheWindow_RefusesUntilItHasPassed()
    {
        var throttle = new EmailThrottle(_time, capacity: 10);

        throttle.TryAcquire("user-1", s_window).Should().BeTrue();
        _time.Advance(s_window - TimeSpan.FromSeconds(1));
        throttle.TryAcquire("user-1", s_window).Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.TryAcquire("user-1", s_window).Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_KeepsUsersApart()
    {
        var throttle = new EmailThrottle(_time, capacity: 10);

        throttle.TryAcquire("user-1", s_window).Should().BeTrue();
        throttle.TryAcquire("user-1", s_window).Should().BeFalse();
        throttle.TryAcquire("user-2", s_window).Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_FlowsWithDifferentWindows_EachRefusesWithinItsOwn()
    {
        var throttle = new EmailThrottle(_time, capacity: 10);
        TimeSpan longer = TimeSpan.FromMinutes(5);

        throttle.TryAcquire("user-1", longer).Should().BeTrue();
        _time.Advance(s_window);
        throttle.TryAcquire("user-1", s_window).Should().BeTrue("a minute has passed, the short window is over");
        _time.Advance(TimeSpan.FromMinutes(4));
        throttle.TryAcquire("user-1", longer).Should().BeFalse("the last message was four minutes ago");
        _time.Advance(s_window);
        throttle.TryAcquire("user-1", longer).Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_PastCapacity_ForgetsTheOldestAndStaysBounded()
    {
        var throttle = new EmailThrottle(_time, capacity: 3);

        for (int i = 0; i < 10; i++)
        {
            throttle.TryAcquire($"user-{i}", s_window).Should().BeTrue();
            throttle.Count.Should().BeLessThanOrEqualTo(3);
        }

        throttle.TryAcquire("user-9", s_window).Should().BeFalse("the newest are remembered");
        throttle.TryAcquire("user-0", s_window).Should().BeTrue("the oldest were forgotten");
    }

    [Fact]
    public void TryAcquire_ForgetsExpiredEntries()
    {
        var throttle = new EmailThrottle(_time, capacity: 100);
        for (int i = 0; i < 50; i++)
        {
            throttle.TryAcquire($"user-{i}", s_window);
        }

        _time.Advance(s_window);
        throttle.TryAcquire("late", s_window).Should().BeTrue();

        throttle.Count.Should().Be(1);
    }

    [Fact]
    public void TryAcquire_WindowOfZero_AlwaysAllows()
    {
        var throttle = new EmailThrottle(_time, capacity: 10);

        throttle.TryAcquire("user-1", TimeSpan.Zero).Should().BeTrue();
        throttle.TryAcquire("user-1", TimeSpan.Zero).Should().BeTrue();
    }
}
