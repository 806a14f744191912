namespace OneTimeLink.AspNetCore.Links;

/// <summary>Binds a flow's links to the user's state stamp in the flow's store, so a link dies once its action is done or superseded.</summary>
internal sealed class LinkFlowStateProvider<TStore>(TStore store) : ILinkStateProvider
    where TStore : ILinkFlowUserStore
{
    public ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken) =>
        store.GetStateAsync(subject, cancellationToken);
}
