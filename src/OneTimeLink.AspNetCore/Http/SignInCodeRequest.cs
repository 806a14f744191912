namespace OneTimeLink.AspNetCore.Http;

/// <summary>The documented body of <c>POST {prefix}/sign-in/code</c>, sent by the browser that asked for the sign-in.</summary>
internal sealed class SignInCodeRequest
{
    /// <summary>Gets or sets the 8-character code from the sign-in email; case and spaces do not matter.</summary>
    public required string Code { get; set; }
}
