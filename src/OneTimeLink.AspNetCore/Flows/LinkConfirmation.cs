using Microsoft.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>What a flow's confirmation action is given once the link was redeemed.</summary>
/// <param name="HttpContext">The request, for a flow whose action concerns this browser (signing it in).</param>
/// <param name="Link">The redeemed link: its subject, token id, expiry and claims.</param>
/// <param name="Lookup">The user the link's state check found: find the user through it, not the store, to save a lookup.</param>
/// <param name="Password">The new password, checked by length and by the store's rules, when the flow takes one.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record LinkConfirmation(
    HttpContext HttpContext,
    LinkValidationResult Link,
    LinkFlowLookup Lookup,
    string? Password,
    CancellationToken CancellationToken)
{
    /// <summary>Gets the request's services.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>Gets the verified subject of the link.</summary>
    public string UserId => Link.Subject!;

    /// <summary>Gets the link's token id, for the logs.</summary>
    public string TokenId => Link.TokenId!;
}
