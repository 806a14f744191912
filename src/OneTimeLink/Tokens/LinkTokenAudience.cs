using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>The configured issuer and audience as UTF-8, compared without allocating.</summary>
internal sealed class LinkTokenAudience
{
    private readonly byte[][] _audiences;

    public LinkTokenAudience(string issuer, string audience)
    {
        Issuer = Encoding.UTF8.GetBytes(issuer);

        // IdentityModel ignores one trailing slash on either side when it compares audiences.
        var accepted = new List<byte[]> { Encoding.UTF8.GetBytes(audience), Encoding.UTF8.GetBytes(audience + "/") };
        if (audience.EndsWith('/'))
        {
            accepted.Add(Encoding.UTF8.GetBytes(audience[..^1]));
        }

        _audiences = [.. accepted];
    }

    public byte[] Issuer { get; }

    /// <summary>Gets whether the current string is an accepted audience.</summary>
    public bool Matches(ref Utf8JsonReader reader)
    {
        foreach (byte[] audience in _audiences)
        {
            if (reader.ValueTextEquals(audience))
            {
                return true;
            }
        }

        return false;
    }
}
