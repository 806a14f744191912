using OneTimeLink;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures one-time links after <c>AddOneTimeLinks</c>: purposes, a state provider, a redemption store.</summary>
public interface IOneTimeLinkBuilder
{
    /// <summary>Gets the application's services, for extension methods that register more of <see cref="IOneTimeLinkService"/>'s parts.</summary>
    IServiceCollection Services { get; }
}
