using OneTimeLink.AspNetCore;

namespace OneTimeLink.HttpBenchmarks;

/// <summary>Sends nothing, and counts what it would have sent, so the run can say how much background work was done.</summary>
internal sealed class DiscardingLinkSender : IActivationLinkSender
{
    private long _links;
    private long _notices;

    public long Links => Interlocked.Read(ref _links);

    public long Notices => Interlocked.Read(ref _notices);

    public ValueTask SendActivationLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _links);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendAccountExistsNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _notices);
        return ValueTask.CompletedTask;
    }
}
