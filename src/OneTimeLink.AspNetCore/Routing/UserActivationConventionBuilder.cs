using Microsoft.AspNetCore.Builder;

namespace OneTimeLink.AspNetCore.Routing;

/// <summary>Passes conventions on to the endpoints' route group, without handing out the group itself to map more on it.</summary>
internal sealed class UserActivationConventionBuilder(IEndpointConventionBuilder group) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention) => group.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => group.Finally(finallyConvention);
}
