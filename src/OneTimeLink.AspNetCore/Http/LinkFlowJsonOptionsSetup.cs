using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>
/// Lets the application's JSON options describe the flows' bodies, so OpenAPI document generation finds their
/// schemas without reflection (native AOT apps); it changes nothing for any other type.
/// </summary>
internal sealed class LinkFlowJsonOptionsSetup : IConfigureOptions<JsonOptions>
{
    public void Configure(JsonOptions options) => options.SerializerOptions.TypeInfoResolverChain.Add(LinkFlowJsonContext.Default);
}
