using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>
/// Makes sure a flow's purpose exists and binds state, whatever configuration said: without state binding a newer
/// link could not supersede the older ones, nor the flow's action end them.
/// </summary>
internal sealed class LinkFlowPurposeSetup<TFlow>(LinkFlowPurpose<TFlow> purpose) : IPostConfigureOptions<OneTimeLinkOptions>
{
    public void PostConfigure(string? name, OneTimeLinkOptions options)
    {
        if (!options.Purposes.TryGetValue(purpose.Name, out LinkPurposeOptions? settings))
        {
            settings = new LinkPurposeOptions();
            options.Purposes[purpose.Name] = settings;
        }

        if (settings.Lifetime == TimeSpan.Zero)
        {
            settings.Lifetime = purpose.DefaultLifetime;
        }

        settings.BindState = true;
    }
}
