using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneTimeLink.Configuration;

/// <summary>Fails start-up when a purpose binds state but no <see cref="ILinkStateProvider"/> can answer for it.</summary>
internal sealed class StateProviderRegistrationValidator(IServiceProviderIsService isService) : IValidateOptions<OneTimeLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, OneTimeLinkOptions options)
    {
        if (isService.IsService(typeof(ILinkStateProvider)))
        {
            return ValidateOptionsResult.Success;
        }

        var keyed = isService as IServiceProviderIsKeyedService;
        List<string> unanswered = options.Purposes
            .Where(p => p.Value.BindState && keyed?.IsKeyedService(typeof(ILinkStateProvider), p.Key) != true)
            .Select(p => p.Key)
            .ToList();

        return unanswered.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{OneTimeLinkOptions.SectionName}:Purposes:{unanswered[0]}:BindState is true but no ILinkStateProvider is registered: " +
                "call AddOneTimeLinks(...).AddStateProvider<TProvider>(), or set BindState to false.");
    }
}
