namespace OneTimeLink.AspNetCore.Links;

/// <summary>Binds activation links to the user's state stamp, so activation and a resend end the older links.</summary>
internal sealed class UserActivationStateProvider(IUserActivationStore store) : ILinkStateProvider
{
    public ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken) =>
        store.GetStateAsync(subject, cancellationToken);
}
