using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>Checks <see cref="UserActivationOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class UserActivationOptionsValidator(IServiceProviderIsService isService, IHostEnvironment? environment = null)
    : IValidateOptions<UserActivationOptions>
{
    private const string Setting = nameof(UserActivationOptions);

    public ValidateOptionsResult Validate(string? name, UserActivationOptions options)
    {
        var failures = new List<string>();
        bool development = environment?.IsDevelopment() == true;

        ValidatePublicBaseUri(options.PublicBaseUri, development, failures);
        ValidateRegistered<IUserActivationStore>("your user storage", failures);
        ValidateRegistered<IActivationLinkSender>("your mail sender", failures);

        if (!Enum.IsDefined(options.TokenPlacement))
        {
            failures.Add($"{Setting}.{nameof(UserActivationOptions.TokenPlacement)} is {options.TokenPlacement}: use Query or Fragment.");
        }

        if (options.PasswordMinLength < 1)
        {
            failures.Add($"{Setting}.{nameof(UserActivationOptions.PasswordMinLength)} is {options.PasswordMinLength} and must be at least 1; the default is 8.");
        }

        if (options.PasswordMaxLength < options.PasswordMinLength)
        {
            failures.Add(
                $"{Setting}.{nameof(UserActivationOptions.PasswordMaxLength)} is {options.PasswordMaxLength}, below " +
                $"{nameof(UserActivationOptions.PasswordMinLength)} ({options.PasswordMinLength}); the default is 128.");
        }

        if (options.EmailMaxLength < 3)
        {
            failures.Add($"{Setting}.{nameof(UserActivationOptions.EmailMaxLength)} is {options.EmailMaxLength} and must be at least 3; the default is 254.");
        }

        if (options.EmailThrottleWindow < TimeSpan.Zero)
        {
            failures.Add(
                $"{Setting}.{nameof(UserActivationOptions.EmailThrottleWindow)} is {options.EmailThrottleWindow} and must not be negative: " +
                "use TimeSpan.Zero to turn the throttle off; the default is one minute.");
        }

        if (options.SignInPath is { } signIn && !IsLocalPath(signIn))
        {
            failures.Add(
                $"{Setting}.{nameof(UserActivationOptions.SignInPath)} \"{signIn}\" is not a path on this site: give one that starts " +
                "with a single '/', such as \"/login\", so the activation page never sends people elsewhere.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A path on this site: "//host" and "/\\host" would be read by browsers as another site.</summary>
    private static bool IsLocalPath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    private void ValidateRegistered<TService>(string what, List<string> failures)
    {
        if (!isService.IsService(typeof(TService)))
        {
            failures.Add(
                $"No {typeof(TService).Name} is registered: register {what}, for example " +
                $"builder.Services.AddScoped<{typeof(TService).Name}, YourImplementation>().");
        }
    }

    private static void ValidatePublicBaseUri(Uri? uri, bool development, List<string> failures)
    {
        const string Name = $"{Setting}.{nameof(UserActivationOptions.PublicBaseUri)}";
        const string Example = "AddUserActivation(o => o.PublicBaseUri = new Uri(\"https://example.com\"))";

        if (uri is null)
        {
            if (!development)
            {
                failures.Add(
                    $"{Name} is required outside Development: set it to the site's public https address, for example {Example}. " +
                    "Activation links are built only from it, never from the request's Host header.");
            }

            return;
        }

        if (!uri.IsAbsoluteUri)
        {
            failures.Add($"{Name} \"{uri}\" is not absolute: set it to the site's public https address, for example {Example}.");
            return;
        }

        bool https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(development && uri.Scheme == Uri.UriSchemeHttp))
        {
            failures.Add(
                $"{Name} \"{uri}\" must use https outside Development (http is accepted only there): " +
                $"set it to the site's public https address, for example {Example}.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            failures.Add($"{Name} must have no user info, query or fragment: give only the scheme, host, port and path, for example https://example.com/app/.");
        }
    }
}
