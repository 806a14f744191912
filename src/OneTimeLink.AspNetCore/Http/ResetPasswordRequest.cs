namespace OneTimeLink.AspNetCore.Http;

/// <summary>The documented body of <c>POST {prefix}/reset-password</c>.</summary>
internal sealed class ResetPasswordRequest
{
    /// <summary>Gets or sets the token from the link.</summary>
    public required string Token { get; set; }

    /// <summary>Gets or sets the new password.</summary>
    public required string Password { get; set; }
}
