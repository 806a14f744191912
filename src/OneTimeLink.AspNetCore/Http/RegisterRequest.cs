namespace OneTimeLink.AspNetCore.Http;

/// <summary>The body of <c>POST {prefix}/register</c>.</summary>
internal sealed class RegisterRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
