using System.Text;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>What a token must say (issuer, audience) and the purposes it may name, as UTF-8, compared without allocating.</summary>
internal sealed class LinkTokenExpectations
{
    private readonly byte[][] _audiences;
    private readonly (byte[] Utf8, string Name)[] _purposes;

    public LinkTokenExpectations(string issuer, string audience, IEnumerable<string> purposes)
    {
        Issuer = Encoding.UTF8.GetBytes(issuer);

        // IdentityModel ignores one trailing slash on either side when it compares audiences.
        var accepted = new List<byte[]> { Encoding.UTF8.GetBytes(audience), Encoding.UTF8.GetBytes(audience + "/") };
        if (audience.EndsWith('/'))
        {
            accepted.Add(Encoding.UTF8.GetBytes(audience[..^1]));
        }

        _audiences = [.. accepted];
        _purposes = [.. purposes.Select(p => (Encoding.UTF8.GetBytes(p), p))];
    }

    public byte[] Issuer { get; }

    /// <summary>Gets whether the current string is an accepted audience.</summary>
    public bool MatchesAudience(ref Utf8JsonReader reader)
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

    /// <summary>Gets the configured purpose the current string names, so a good token costs no new string for it.</summary>
    public string? FindPurpose(ref Utf8JsonReader reader)
    {
        foreach ((byte[] utf8, string name) in _purposes)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return name;
            }
        }

        return null;
    }
}
