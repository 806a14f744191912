namespace OneTimeLink.AspNetCore.Http;

/// <summary>The 200 body of a confirmation: <c>{ "status": "activated" }</c>, <c>already_active</c>, <c>password_reset</c>.</summary>
internal sealed class LinkFlowResponse(string status)
{
    public string Status { get; } = status;
}
