namespace OneTimeLink.AspNetCore.Http;

/// <summary>The body of <c>POST {prefix}/resend-activation</c>.</summary>
internal sealed class ResendActivationRequest
{
    public string? Email { get; set; }
}
