namespace OneTimeLink.AspNetCore.Http;

/// <summary>The documented body of <c>POST {prefix}/register</c>.</summary>
internal sealed class RegisterRequest
{
    /// <summary>Gets or sets the new account's email address.</summary>
    public required string Email { get; set; }

    /// <summary>Gets or sets the new account's password.</summary>
    public required string Password { get; set; }
}
