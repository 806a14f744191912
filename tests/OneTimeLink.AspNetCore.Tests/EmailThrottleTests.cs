using Microsoft.Extensions.Time.Testing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;
using OneTimeLink.AspNetCore.State;
using OneTimeLink.AspNetCore.Throttling;

namespace OneTimeLink.AspNetCore.Tests;

public sealed class EmailThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(TestApp.Start);

    [Fact]
    public async Task TryAcquire_WithinTheWindow_RefusesUntilItHasPassed()
    {
        var throttle = new EmailThrottle(new InMemoryLinkFlowStateStore(_time, capacity: 10));

        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeTrue();
        _time.Advance(s_window - TimeSpan.FromSeconds(1));
        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));
        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryAcquire_KeepsUsersApart()
    {
        var throttle = new EmailThrottle(new InMemoryLinkFlowStateStore(_time, capacity: 10));

        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeTrue();
        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeFalse();
        (await throttle.TryAcquireAsync("user-2", s_window, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryAcquire_TheFirstMessageBlocksForTheWindowOfTheFlowThatSentIt()
    {
        var throttle = new EmailThrottle(new InMemoryLinkFlowStateStore(_time, capacity: 10));
        TimeSpan longer = TimeSpan.FromMinutes(5);

        (await throttle.TryAcquireAsync("user-1", longer, default)).Should().BeTrue();
        _time.Advance(s_window);
        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeFalse("the first message blocks for its own five minutes");
        _time.Advance(TimeSpan.FromMinutes(4));
        (await throttle.TryAcquireAsync("user-1", s_window, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryAcquire_WindowOfZero_AlwaysAllowsAndKeepsNothing()
    {
        var store = new InMemoryLinkFlowStateStore(_time, capacity: 10);
        var throttle = new EmailThrottle(store);

        (await throttle.TryAcquireAsync("user-1", TimeSpan.Zero, default)).Should().BeTrue();
        (await throttle.TryAcquireAsync("user-1", TimeSpan.Zero, default)).Should().BeTrue();
        store.Count.Should().Be(0);
    }

    [Fact]
    public async Task Store_PastCapacity_ForgetsTheKeyThatExpiresFirst_AndStaysBounded()
    {
        var store = new InMemoryLinkFlowStateStore(_time, capacity: 3);

        for (int i = 0; i < 10; i++)
        {
            (await store.TrySetAsync($"k{i}", "1", s_window + TimeSpan.FromSeconds(i), default)).Should().BeTrue();
            store.Count.Should().BeLessThanOrEqualTo(3);
        }

        (await store.TrySetAsync("k9", "1", s_window, default)).Should().BeFalse("the latest to expire are kept");
        (await store.TrySetAsync("k0", "1", s_window, default)).Should().BeTrue("the soonest to expire were forgotten");
    }

    [Fact]
    public async Task Store_ForgetsExpiredKeys_AsItGoes()
    {
        var store = new InMemoryLinkFlowStateStore(_time, capacity: 100);
        for (int i = 0; i < 50; i++)
        {
            await store.TrySetAsync($"k{i}", "1", s_window, default);
        }

        _time.Advance(s_window);
        (await store.TrySetAsync("late", "1", s_window, default)).Should().BeTrue();

        store.Count.Should().Be(1);
    }
}
