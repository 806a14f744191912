using System.Text;

namespace OneTimeLink.Configuration;

/// <summary>A purpose's settings as configured when its <see cref="LinkSettings"/> was built, and its name as UTF-8.</summary>
internal sealed class LinkPurposeSettings(string name, LinkPurposeOptions options)
{
    public string Name { get; } = name;

    public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(name);

    public TimeSpan Lifetime { get; } = options.Lifetime;

    public bool SingleUse { get; } = options.SingleUse;

    public bool BindState { get; } = options.BindState;
}
