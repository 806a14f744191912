using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneTimeLink.Tests.Infrastructure;

/// <summary>
/// A link service bound to configuration the test changes and reloads, as an edited appsettings.json: one key
/// (<c>k1</c>) and the activation purpose (two hours) to start with.
/// </summary>
internal sealed class ReloadableLinks : IDisposable
{
    private readonly ReloadableConfiguration _configuration;
    private readonly ServiceProvider _provider;

    public ReloadableLinks(TimeProvider time)
    {
        _configuration = new ReloadableConfiguration(Settings);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddOneTimeLinks(new ConfigurationBuilder().Add(_configuration).Build().GetSection("OneTimeLinks"));
        _provider = services.BuildServiceProvider();
        Links = _provider.GetRequiredService<IOneTimeLinkService>();
    }

    /// <summary>Gets the settings; change them, then <see cref="Reload"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["OneTimeLinks:Issuer"] = TestLinks.Issuer,
        ["OneTimeLinks:Audience"] = TestLinks.Audience,
        ["OneTimeLinks:Keys:0:Id"] = "k1",
        ["OneTimeLinks:Keys:0:Secret"] = TestLinks.Secret,
        ["OneTimeLinks:Purposes:activate-account:Lifetime"] = "02:00:00",
    };

    public IOneTimeLinkService Links { get; }

    /// <summary>Replaces the whole configuration with <see cref="Settings"/> and signals the reload.</summary>
    public void Reload() => _configuration.Replace(Settings);

    public void Dispose() => _provider.Dispose();
}
