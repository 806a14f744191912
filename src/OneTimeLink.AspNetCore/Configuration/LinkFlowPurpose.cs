namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>The link purpose a flow was registered with, and its lifetime when configuration gives none.</summary>
/// <typeparam name="TFlow">The flow, so each flow's purpose is a service of its own.</typeparam>
internal sealed class LinkFlowPurpose<TFlow>(string name, TimeSpan defaultLifetime)
{
    public string Name { get; } = name;

    public TimeSpan DefaultLifetime { get; } = defaultLifetime;
}
