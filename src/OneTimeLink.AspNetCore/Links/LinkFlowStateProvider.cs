namespace OneTimeLink.AspNetCore.Links;

/// <summary>
/// Binds a flow's links to the user's state stamp in the flow's store, so a link dies once its action is done or
/// superseded; the user it finds is kept for the rest of the request (<see cref="LinkFlowLookup"/>).
/// </summary>
internal sealed class LinkFlowStateProvider<TStore>(TStore store) : ILinkStateProvider
    where TStore : ILinkFlowUserStore
{
    public async ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken)
    {
        LinkFlowUser? user = await store.FindByIdAsync(subject, cancellationToken).ConfigureAwait(false);
        LinkFlowLookup.Record(user);
        return user?.State;
    }
}
