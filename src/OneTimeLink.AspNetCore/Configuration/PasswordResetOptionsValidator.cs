using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>Checks <see cref="PasswordResetOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class PasswordResetOptionsValidator(IServiceProviderIsService isService, IHostEnvironment? environment = null)
    : IValidateOptions<PasswordResetOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordResetOptions options)
    {
        const string Setting = nameof(PasswordResetOptions);
        var failures = new List<string>();

        LinkFlowOptionsRules.Validate(Setting, "AddPasswordReset", options, environment?.IsDevelopment() == true, failures);
        LinkFlowOptionsRules.ValidatePasswordLengths(Setting, options.PasswordMinLength, options.PasswordMaxLength, failures);
        LinkFlowOptionsRules.ValidateRegistered<IPasswordResetStore>(isService, "your user storage", failures);
        LinkFlowOptionsRules.ValidateRegistered<IPasswordResetLinkSender>(isService, "your mail sender", failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
