namespace Microsoft.Extensions.DependencyInjection;

internal sealed class OneTimeLinkBuilder(IServiceCollection services) : IOneTimeLinkBuilder
{
    public IServiceCollection Services { get; } = services;
}
