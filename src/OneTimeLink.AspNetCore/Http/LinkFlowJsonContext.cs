using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>Source-generated JSON for the flows' bodies: no reflection, so trimming and native AOT keep working.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LinkFlowRequestBody))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(EmailRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(SignInCodeRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(AcceptedResponse))]
[JsonSerializable(typeof(LinkFlowResponse))]
[JsonSerializable(typeof(LinkStatusResponse))]
internal sealed partial class LinkFlowJsonContext : JsonSerializerContext;
