namespace OneTimeLink.AspNetCore.Flows;

/// <summary>What a <see cref="LinkRequest"/>'s work is given: the checked fields, a scope of its own, and the flow's mail helpers.</summary>
internal sealed class LinkRequestWork(
    LinkFlow flow,
    LinkFlowRoutes routes,
    LinkFlowPipeline pipeline,
    IServiceProvider services,
    string email,
    string? password,
    object? binding,
    CancellationToken cancellationToken)
{
    /// <summary>Gets the services of a scope that lives as long as the work, for scoped stores and senders.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Gets the email address, trimmed and syntax-checked.</summary>
    public string Email { get; } = email;

    /// <summary>Gets the password, length-checked, when the request carries one.</summary>
    public string? Password { get; } = password;

    /// <summary>Gets what the request's <see cref="LinkRequest.BindToBrowser"/> returned, such as a pending sign-in; otherwise null.</summary>
    public object? Binding { get; } = binding;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Claims this flow's one message per throttle window to <paramref name="user"/>; false means send nothing, answer nothing different.</summary>
    public ValueTask<bool> TryClaimMailAsync(LinkFlowUser user) => pipeline.TryClaimMailAsync(flow, user, CancellationToken);

    /// <summary>Issues a link of the flow's purpose for <paramref name="user"/>, as an absolute URL built from the public base URI.</summary>
    public ValueTask<LinkForMail> IssueLinkAsync(LinkFlowUser user, LinkIssueOptions? options = null) =>
        pipeline.IssueLinkAsync(flow, routes, user, options, CancellationToken);

    /// <summary>Counts a message handed to the application's sender.</summary>
    public void CountSent(string kind) => pipeline.Metrics.Sent(flow.Name, kind);
}
