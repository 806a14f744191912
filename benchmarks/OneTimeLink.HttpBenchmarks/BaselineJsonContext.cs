using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeLink.HttpBenchmarks;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BaselineBody))]
[JsonSerializable(typeof(BaselineAccepted))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
