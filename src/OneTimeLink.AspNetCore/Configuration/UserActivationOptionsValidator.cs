using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>Checks <see cref="UserActivationOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class UserActivationOptionsValidator(IServiceProviderIsService isService, IHostEnvironment? environment = null)
    : IValidateOptions<UserActivationOptions>
{
    public ValidateOptionsResult Validate(string? name, UserActivationOptions options)
    {
        const string Setting = nameof(UserActivationOptions);
        var failures = new List<string>();

        LinkFlowOptionsRules.Validate(Setting, "AddUserActivation", options, environment?.IsDevelopment() == true, failures);
        LinkFlowOptionsRules.ValidatePasswordLengths(Setting, options.PasswordMinLength, options.PasswordMaxLength, failures);
        LinkFlowOptionsRules.ValidateRegistered<IUserActivationStore>(isService, "your user storage", failures);
        LinkFlowOptionsRules.ValidateRegistered<IActivationLinkSender>(isService, "your mail sender", failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
