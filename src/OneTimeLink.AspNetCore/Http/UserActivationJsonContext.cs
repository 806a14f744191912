using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>Source-generated JSON for the endpoints' bodies: no reflection, so trimming and native AOT keep working.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(ResendActivationRequest))]
[JsonSerializable(typeof(ActivateRequest))]
[JsonSerializable(typeof(AcceptedResponse))]
[JsonSerializable(typeof(ActivationResponse))]
[JsonSerializable(typeof(LinkStatusResponse))]
internal sealed partial class UserActivationJsonContext : JsonSerializerContext;
