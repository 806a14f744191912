using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>Checks <see cref="MagicLinkSignInOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class MagicLinkSignInOptionsValidator(IServiceProviderIsService isService, IHostEnvironment? environment = null)
    : IValidateOptions<MagicLinkSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, MagicLinkSignInOptions options)
    {
        const string Setting = nameof(MagicLinkSignInOptions);
        var failures = new List<string>();
        LinkFlowOptionsRules.Validate(Setting, "AddMagicLinkSignIn", options, environment?.IsDevelopment() == true, failures);
        if (!LinkFlowOptionsRules.IsLocalPath(options.SignedInPath))
        {
            failures.Add(
                $"{Setting}.{nameof(MagicLinkSignInOptions.SignedInPath)} \"{options.SignedInPath}\" is not a path on this site: give one that " +
                "starts with a single '/', such as \"/\" or \"/dashboard\", so a sign-in never sends people elsewhere.");
        }

        if (string.IsNullOrWhiteSpace(options.RequestCookieName) || options.RequestCookieName.AsSpan().IndexOfAny(" ;,=\"\t") >= 0)
        {
            failures.Add(
                $"{Setting}.{nameof(MagicLinkSignInOptions.RequestCookieName)} \"{options.RequestCookieName}\" is not a cookie name: " +
                "use letters, digits and dashes, such as the default \"otl-sign-in\".");
        }

        if (options.StatusRefreshInterval < TimeSpan.FromSeconds(1) || options.StatusRefreshInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add(
                $"{Setting}.{nameof(MagicLinkSignInOptions.StatusRefreshInterval)} is {options.StatusRefreshInterval}: give between one second " +
                "and one minute (the page reloads itself that often while it waits); the default is 10 seconds.");
        }

        LinkFlowOptionsRules.ValidateRegistered<IMagicLinkSignInStore>(isService, "your user storage and sign-in", failures);
        LinkFlowOptionsRules.ValidateRegistered<IMagicLinkSender>(isService, "your mail sender", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
