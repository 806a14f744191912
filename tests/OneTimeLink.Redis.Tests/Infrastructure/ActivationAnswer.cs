using System.Net;

namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>What an instance answered to <c>POST /account/activate</c>: the status, and the <c>status</c> or problem <c>code</c> of its JSON.</summary>
internal sealed record ActivationAnswer(string Instance, HttpStatusCode Status, string? Code, string Body)
{
    public override string ToString() => $"{Instance}: {(int)Status} {Code ?? Body}";
}
