using Microsoft.Extensions.Time.Testing;
using OneTimeLink.AspNetCore.State;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>The default flow state: what pending sign-ins rely on — set once, taken once, counted atomically, gone when expired.</summary>
public sealed class InMemoryLinkFlowStateStoreTests
{
    private readonly FakeTimeProvider _time = new(TestApp.Start);

    [Fact]
    public async Task TrySetAsync_DoesNotOverwrite_AndGetReadsUntilExpiry()
    {
        var store = new InMemoryLinkFlowStateStore(_time);

        (await store.TrySetAsync("k", "first", TimeSpan.FromMinutes(1), default)).Should().BeTrue();
        (await store.TrySetAsync("k", "second", TimeSpan.FromMinutes(1), default)).Should().BeFalse();
        (await store.GetAsync("k", default)).Should().Be("first");
        _time.Advance(TimeSpan.FromMinutes(1));
        (await store.GetAsync("k", default)).Should().BeNull();
        store.Count.Should().Be(0);
    }

    [Fact]
    public async Task TakeAsync_OfManyConcurrentTakes_ExactlyOneGetsTheValue()
    {
        var store = new InMemoryLinkFlowStateStore(_time);
        await store.TrySetAsync("approval", "jti.user-1", TimeSpan.FromMinutes(1), default);

        string?[] taken = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => store.TakeAsync("approval", default).AsTask())));

        taken.Where(t => t is not null).Should().Equal("jti.user-1");
        (await store.TrySetAsync("approval", "again", TimeSpan.FromMinutes(1), default)).Should().BeTrue("a taken key is gone");
    }

    [Fact]
    public async Task IncrementAsync_CountsEveryCallOnce_AndKeepsTheFirstExpiry()
    {
        var store = new InMemoryLinkFlowStateStore(_time);

        long[] counts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => store.IncrementAsync("attempts", TimeSpan.FromMinutes(5), default).AsTask())));
        _time.Advance(TimeSpan.FromMinutes(4));
        long later = await store.IncrementAsync("attempts", TimeSpan.FromHours(1), default);
        _time.Advance(TimeSpan.FromMinutes(1));
        long afterExpiry = await store.IncrementAsync("attempts", TimeSpan.FromMinutes(5), default);

        counts.Order().Should().Equal(Enumerable.Range(1, 200).Select(i => (long)i));
        later.Should().Be(201);
        afterExpiry.Should().Be(1, "using a counter never extends its life");
    }

    [Fact]
    public async Task TakenAndSetAgain_TheOldExpiryDoesNotRemoveTheNewValue()
    {
        var store = new InMemoryLinkFlowStateStore(_time);
        await store.TrySetAsync("k", "old", TimeSpan.FromMinutes(1), default);
        await store.TakeAsync("k", default);
        await store.TrySetAsync("k", "new", TimeSpan.FromMinutes(10), default);

        _time.Advance(TimeSpan.FromMinutes(2));

        (await store.GetAsync("k", default)).Should().Be("new");
    }
}
