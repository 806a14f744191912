namespace OneTimeLink.AspNetCore.Http;

/// <summary>The documented body of the requests that take only an address: <c>resend-activation</c>, <c>forgot-password</c>.</summary>
internal sealed class EmailRequest
{
    /// <summary>Gets or sets the account's email address.</summary>
    public required string Email { get; set; }
}
