using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OneTimeLink.Configuration;

/// <summary>
/// Fails start-up, naming the setting, when the bound section holds a key no option reads: a misspelled
/// <c>"BindStat": true</c> would otherwise bind nothing and silently turn a protection off. The binder's own
/// <c>ErrorOnUnknownConfiguration</c> does the same but names only the property, not where it is.
/// </summary>
internal sealed class UnknownSettingsValidator(IConfiguration section) : IValidateOptions<OneTimeLinkOptions>
{
    private static readonly string[] s_settings =
    [
        nameof(OneTimeLinkOptions.Issuer),
        nameof(OneTimeLinkOptions.Audience),
        nameof(OneTimeLinkOptions.ClockSkew),
        nameof(OneTimeLinkOptions.Keys),
        nameof(OneTimeLinkOptions.Purposes),
        nameof(OneTimeLinkOptions.InMemoryRedemptionCapacity),
    ];

    private static readonly string[] s_keySettings = [nameof(SigningKeyOptions.Id), nameof(SigningKeyOptions.Algorithm), nameof(SigningKeyOptions.Secret)];

    private static readonly string[] s_purposeSettings =
        [nameof(LinkPurposeOptions.Lifetime), nameof(LinkPurposeOptions.SingleUse), nameof(LinkPurposeOptions.BindState)];

    public ValidateOptionsResult Validate(string? name, OneTimeLinkOptions options)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        AddUnknown(section, s_settings, failures);
        foreach (IConfigurationSection key in section.GetSection(nameof(OneTimeLinkOptions.Keys)).GetChildren())
        {
            AddUnknown(key, s_keySettings, failures);
        }

        foreach (IConfigurationSection purpose in section.GetSection(nameof(OneTimeLinkOptions.Purposes)).GetChildren())
        {
            AddUnknown(purpose, s_purposeSettings, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddUnknown(IConfiguration configuration, string[] known, List<string> failures)
    {
        foreach (IConfigurationSection child in configuration.GetChildren())
        {
            // Configuration keys are case-insensitive, as the binder reads them.
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{child.Path} is not a setting: correct its spelling or remove it. The settings there are {string.Join(", ", known)}.");
            }
        }
    }
}
