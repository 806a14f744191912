using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using OneTimeLink.AspNetCore.Diagnostics;

namespace OneTimeLink.AspNetCore.Links;

/// <summary>
/// Builds absolute links from a flow's <see cref="LinkFlowOptions.PublicBaseUri"/> only: never from the request's
/// <c>Host</c> or <c>X-Forwarded-Host</c>, which whoever sends the request controls (reset-link poisoning).
/// </summary>
internal sealed class LinkUriBuilder
{
    private static readonly Uri s_developmentFallback = new("http://localhost/");

    private readonly IServer? _server;
    private readonly ILogger _logger;
    private Uri? _developmentBaseUri;

    public LinkUriBuilder(ILogger<LinkUriBuilder> logger, IServer? server = null)
    {
        _server = server;
        _logger = logger;
    }

    /// <summary>Builds the link that carries <paramref name="token"/> to the landing page at <paramref name="path"/>.</summary>
    public Uri BuildLink(LinkFlowOptions options, string path, string token)
    {
        char separator = options.TokenPlacement == LinkTokenPlacement.Fragment ? '#' : '?';

        // A base64url token may end in '-' or '_' (and a JWS is dot-separated), characters that mail clients drop from
        // the end of a link when they linkify plain text, which would break the signature. So the token is never last:
        // a link-format version parameter follows it, ending the link in a digit. The landing page ignores it.
        return new Uri($"{BaseOf(options, path)}{separator}token={Uri.EscapeDataString(token)}&v=1");
    }

    /// <summary>Builds the absolute address of <paramref name="path"/>, such as the endpoint that sends a new link.</summary>
    public Uri BuildUri(LinkFlowOptions options, string path) => new(BaseOf(options, path));

    private string BaseOf(LinkFlowOptions options, string path) => GetBaseUri(options).GetLeftPart(UriPartial.Path).TrimEnd('/') + path;

    private Uri GetBaseUri(LinkFlowOptions options)
    {
        if (options.PublicBaseUri is { } configured)
        {
            return configured;
        }

        // Start-up validation allows this only in Development: use the server's own listening address, not the request's.
        if (_developmentBaseUri is null)
        {
            _developmentBaseUri = FindServerAddress() ?? s_developmentFallback;
            Log.PublicBaseUriMissing(_logger, _developmentBaseUri);
        }

        return _developmentBaseUri;
    }

    private Uri? FindServerAddress()
    {
        string? address = _server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // Wildcard bindings (http://+:5000, http://*:5000, http://0.0.0.0:5000, http://[::]:5000) are no address to visit.
        foreach (string wildcard in (ReadOnlySpan<string>)["://+", "://*", "://0.0.0.0", "://[::]"])
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) ? uri : null;
    }
}
