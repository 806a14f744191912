using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>What a flow's confirmation action is given once the link was redeemed.</summary>
/// <param name="Services">The request's services.</param>
/// <param name="UserId">The verified subject of the link.</param>
/// <param name="Lookup">The user the link's state check found: find the user through it, not the store, to save a lookup.</param>
/// <param name="TokenId">The link's token id, for the logs.</param>
/// <param name="Password">The new password, checked by length and by the store's rules, when the flow takes one.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record LinkConfirmation(
    IServiceProvider Services,
    string UserId,
    LinkFlowLookup Lookup,
    string TokenId,
    string? Password,
    CancellationToken CancellationToken);
