namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>The link purpose <c>AddUserActivation</c> registered activation links under.</summary>
internal sealed class ActivationPurpose(string name)
{
    public string Name { get; } = name;
}
