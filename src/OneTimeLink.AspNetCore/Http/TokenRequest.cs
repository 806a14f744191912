namespace OneTimeLink.AspNetCore.Http;

/// <summary>The documented body of a confirmation that takes only the link's token, such as <c>POST {prefix}/activate</c>.</summary>
internal sealed class TokenRequest
{
    /// <summary>Gets or sets the token from the link.</summary>
    public required string Token { get; set; }
}
