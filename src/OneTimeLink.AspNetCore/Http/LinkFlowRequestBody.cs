namespace OneTimeLink.AspNetCore.Http;

/// <summary>
/// Every field a flow endpoint reads, as sent in JSON or a form. Each endpoint documents only its own fields (see
/// <see cref="RegisterRequest"/> and the others); reading them into one shape lets one pipeline serve every endpoint.
/// </summary>
internal sealed class LinkFlowRequestBody
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    public string? Code { get; set; }
}
