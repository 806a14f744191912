using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeLink;
using OneTimeLink.Configuration;
using OneTimeLink.Diagnostics;
using OneTimeLink.Redemption;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IOneTimeLinkService"/> and what it needs.</summary>
public static class OneTimeLinkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IOneTimeLinkService"/> with options bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("OneTimeLinks")</c>, and validated when the application starts: a key in the
    /// section that is no setting fails start-up too. The options reload with the configuration, so keys rotate without a restart.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The configuration section holding <see cref="OneTimeLinkOptions"/>.</param>
    /// <returns>A builder to add purposes, a state provider or another redemption store.</returns>
    public static IOneTimeLinkBuilder AddOneTimeLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Binding appends to the key list, so binding the same section twice would duplicate every key.
        if (!services.Any(d => d.ServiceType == typeof(BoundConfiguration) && ((BoundConfiguration)d.ImplementationInstance!).IsSameAs(configuration)))
        {
            services.AddSingleton(new BoundConfiguration(configuration));
            services.AddOptions<OneTimeLinkOptions>().Bind(configuration);
            services.AddSingleton<IValidateOptions<OneTimeLinkOptions>>(new UnknownSettingsValidator(configuration));
        }

        return services.AddOneTimeLinks();
    }

    /// <summary>Registers <see cref="IOneTimeLinkService"/> with options set in code and validated when the application starts.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets <see cref="OneTimeLinkOptions"/>: issuer, audience, keys, purposes.</param>
    /// <returns>A builder to add purposes, a state provider or another redemption store.</returns>
    public static IOneTimeLinkBuilder AddOneTimeLinks(this IServiceCollection services, Action<OneTimeLinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.Configure(configure);
        return services.AddOneTimeLinks();
    }

    /// <summary>
    /// Registers <see cref="IOneTimeLinkService"/> without setting options, for applications that configure
    /// <see cref="OneTimeLinkOptions"/> themselves. Calling it more than once is harmless.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>A builder to add purposes, a state provider or another redemption store.</returns>
    public static IOneTimeLinkBuilder AddOneTimeLinks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<OneTimeLinkOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OneTimeLinkOptions>, OneTimeLinkOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OneTimeLinkOptions>, StateProviderRegistrationValidator>());
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OneTimeLinkMetrics>();
        services.TryAddSingleton<IRedemptionStore, InMemoryRedemptionStore>();
        services.TryAddSingleton<IOneTimeLinkService, OneTimeLinkService>();
        return new OneTimeLinkBuilder(services);
    }

    /// <summary>Marks a configuration section as bound, so a second <c>AddOneTimeLinks</c> with it binds nothing twice.</summary>
    private sealed class BoundConfiguration(IConfiguration configuration)
    {
        public bool IsSameAs(IConfiguration other) =>
            ReferenceEquals(configuration, other)
            || (configuration is IConfigurationSection section && other is IConfigurationSection otherSection
                && string.Equals(section.Path, otherSection.Path, StringComparison.OrdinalIgnoreCase));
    }
}
