namespace OneTimeLink.AspNetCore.Http;

/// <summary>The body of <c>POST {prefix}/activate</c>.</summary>
internal sealed class ActivateRequest
{
    public string? Token { get; set; }
}
