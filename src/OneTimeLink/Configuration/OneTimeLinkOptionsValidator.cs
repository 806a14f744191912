using Microsoft.Extensions.Options;
using OneTimeLink.Tokens;

namespace OneTimeLink.Configuration;

/// <summary>Checks <see cref="OneTimeLinkOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class OneTimeLinkOptionsValidator : IValidateOptions<OneTimeLinkOptions>
{
    private const string Section = OneTimeLinkOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OneTimeLinkOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{Section}:Issuer is required: set it to your site's base URL, for example \"https://example.com\".");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Section}:Audience is required: set it to a value used only for links, for example \"example-links\".");
        }

        if (options.ClockSkew < TimeSpan.Zero)
        {
            failures.Add($"{Section}:ClockSkew is {options.ClockSkew} and must not be negative; the default is 00:00:30.");
        }

        if (options.InMemoryRedemptionCapacity <= 0)
        {
            failures.Add($"{Section}:InMemoryRedemptionCapacity is {options.InMemoryRedemptionCapacity} and must be positive; the default is 100000.");
        }

        ValidateKeys(options.Keys, failures);
        ValidatePurposes(options.Purposes, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKeys(IList<SigningKeyOptions> keys, List<string> failures)
    {
        if (keys.Count == 0)
        {
            failures.Add(
                $"{Section}:Keys is empty: add a signing key, for example " +
                "{ \"Id\": \"2026-11\", \"Algorithm\": \"HS256\", \"Secret\": \"<output of: openssl rand -base64 32>\" }.");
            return;
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            SigningKeyOptions key = keys[i];
            string setting = $"{Section}:Keys:{i}";

            if (string.IsNullOrWhiteSpace(key.Id))
            {
                failures.Add($"{setting}:Id is required: name the key, for example \"2026-11\", so tokens can say which key signed them.");
            }
            else if (!seenIds.Add(key.Id))
            {
                failures.Add($"{setting}:Id \"{key.Id}\" is used by another key: give every key its own id.");
            }

            LinkSigningAlgorithm? algorithm = LinkSigningAlgorithm.Find(key.Algorithm);
            if (algorithm is null)
            {
                failures.Add($"{setting}:Algorithm \"{key.Algorithm}\" is not supported: use one of {LinkSigningAlgorithm.SupportedNames}.");
            }

            if (string.IsNullOrWhiteSpace(key.Secret))
            {
                failures.Add($"{setting}:Secret is required: set it to at least 32 random bytes in base64 (openssl rand -base64 32).");
            }
            else if (!SigningKeySet.TryDecodeSecret(key.Secret, out byte[]? secret))
            {
                failures.Add($"{setting}:Secret is not valid base64: generate one with openssl rand -base64 32.");
            }
            else if (algorithm is not null && secret.Length < algorithm.MinimumSecretBytes)
            {
                failures.Add(
                    $"{setting}:Secret is {secret.Length} bytes; {algorithm.Name} needs at least {algorithm.MinimumSecretBytes}: " +
                    $"generate one with openssl rand -base64 {algorithm.MinimumSecretBytes}.");
            }
        }
    }

    private static void ValidatePurposes(IDictionary<string, LinkPurposeOptions> purposes, List<string> failures)
    {
        if (purposes.Count == 0)
        {
            failures.Add(
                $"{Section}:Purposes is empty: add one, for example \"activate-account\": {{ \"Lifetime\": \"02:00:00\" }}, " +
                "or call AddPurpose(\"activate-account\", p => p.Lifetime = TimeSpan.FromHours(2)).");
            return;
        }

        foreach ((string name, LinkPurposeOptions purpose) in purposes)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                failures.Add($"{Section}:Purposes has a purpose with an empty name: name it, for example \"activate-account\".");
            }

            if (purpose.Lifetime < TimeSpan.FromSeconds(1))
            {
                failures.Add(
                    $"{Section}:Purposes:{name}:Lifetime is {purpose.Lifetime} and must be at least one second: " +
                    "set it, for example \"02:00:00\" for two hours.");
            }
        }
    }
}
