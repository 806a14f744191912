namespace OneTimeLink.AspNetCore.Http;

/// <summary>The 200 body of <c>POST {prefix}/activate</c>: <c>activated</c> or <c>already_active</c>.</summary>
internal sealed class ActivationResponse(string status)
{
    public string Status { get; } = status;
}
