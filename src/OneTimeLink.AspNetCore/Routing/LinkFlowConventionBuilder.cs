using Microsoft.AspNetCore.Builder;

namespace OneTimeLink.AspNetCore.Routing;

/// <summary>Passes conventions on to a flow's route group, without handing out the group itself to map more on it.</summary>
internal sealed class LinkFlowConventionBuilder(IEndpointConventionBuilder group) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention) => group.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => group.Finally(finallyConvention);
}
