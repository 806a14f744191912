using System.Text;
using OneTimeLink.Tokens;

namespace OneTimeLink.Configuration;

/// <summary>
/// One configuration of <see cref="OneTimeLinkOptions"/> with everything built from it once: keys, the writer, the
/// expected issuer and audience as UTF-8. Rebuilt whenever the options reload, so keys rotate and lifetimes change
/// without a restart; a call takes one snapshot and uses it throughout.
/// </summary>
internal sealed class LinkSettings
{
    public LinkSettings(OneTimeLinkOptions options)
    {
        Keys = new SigningKeySet(options.Keys);
        Writer = new LinkTokenWriter(options.Issuer!, options.Audience!);
        Issuer = Encoding.UTF8.GetBytes(options.Issuer!);
        Audience = Encoding.UTF8.GetBytes(options.Audience!);
        ClockSkew = options.ClockSkew;
        Purposes = options.Purposes.ToDictionary(p => p.Key, p => new LinkPurposeSettings(p.Key, p.Value), StringComparer.Ordinal);
    }

    public SigningKeySet Keys { get; }

    public LinkTokenWriter Writer { get; }

    public byte[] Issuer { get; }

    public byte[] Audience { get; }

    public TimeSpan ClockSkew { get; }

    public IReadOnlyDictionary<string, LinkPurposeSettings> Purposes { get; }
}
