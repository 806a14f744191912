using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>
/// Makes sure the activation purpose exists and binds state, whatever configuration said: without state binding a
/// resent link could not supersede the older ones, nor activation end them.
/// </summary>
internal sealed class ActivationPurposeSetup(ActivationPurpose purpose) : IPostConfigureOptions<OneTimeLinkOptions>
{
    /// <summary>The lifetime of activation links when the application configures none.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(2);

    public void PostConfigure(string? name, OneTimeLinkOptions options)
    {
        if (!options.Purposes.TryGetValue(purpose.Name, out LinkPurposeOptions? settings))
        {
            settings = new LinkPurposeOptions();
            options.Purposes[purpose.Name] = settings;
        }

        if (settings.Lifetime == TimeSpan.Zero)
        {
            settings.Lifetime = DefaultLifetime;
        }

        settings.BindState = true;
    }
}
