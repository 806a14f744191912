using Microsoft.Extensions.Configuration;

namespace OneTimeLink.Tests.Infrastructure;

/// <summary>Configuration whose whole content is replaced and reloaded at once, as a changed appsettings.json is: keys can go away.</summary>
internal sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(Dictionary<string, string?> settings) => Data = Copy(settings);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(Dictionary<string, string?> settings)
    {
        Data = Copy(settings);
        OnReload();
    }

    private static Dictionary<string, string?> Copy(Dictionary<string, string?> settings) => new(settings, StringComparer.OrdinalIgnoreCase);
}
