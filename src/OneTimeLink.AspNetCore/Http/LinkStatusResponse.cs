namespace OneTimeLink.AspNetCore.Http;

/// <summary>The JSON landing answer: whether the link would work, and if not why.</summary>
internal sealed class LinkStatusResponse(bool valid, string? code, DateTimeOffset? expiresAt)
{
    public bool Valid { get; } = valid;

    public string? Code { get; } = code;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;
}
