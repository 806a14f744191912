using Microsoft.Extensions.DependencyInjection;

namespace OneTimeLink.AspNetCore.Configuration;

/// <summary>The checks every flow's options share, each failure a sentence that says how to fix it.</summary>
internal static class LinkFlowOptionsRules
{
    public static void Validate(string setting, string addMethod, LinkFlowOptions options, bool development, List<string> failures)
    {
        ValidatePublicBaseUri(setting, addMethod, options.PublicBaseUri, development, failures);

        if (!Enum.IsDefined(options.TokenPlacement))
        {
            failures.Add($"{setting}.{nameof(LinkFlowOptions.TokenPlacement)} is {options.TokenPlacement}: use Query or Fragment.");
        }

        if (options.EmailMaxLength < 3)
        {
            failures.Add($"{setting}.{nameof(LinkFlowOptions.EmailMaxLength)} is {options.EmailMaxLength} and must be at least 3; the default is 254.");
        }

        if (options.EmailThrottleWindow < TimeSpan.Zero)
        {
            failures.Add(
                $"{setting}.{nameof(LinkFlowOptions.EmailThrottleWindow)} is {options.EmailThrottleWindow} and must not be negative: " +
                "use TimeSpan.Zero to turn the throttle off; the default is one minute.");
        }

        if (options.SignInPath is { } signIn && !IsLocalPath(signIn))
        {
            failures.Add(
                $"{setting}.{nameof(LinkFlowOptions.SignInPath)} \"{signIn}\" is not a path on this site: give one that starts " +
                "with a single '/', such as \"/login\", so the flow's pages never send people elsewhere.");
        }
    }

    public static void ValidatePasswordLengths(string setting, int minLength, int maxLength, List<string> failures)
    {
        if (minLength < 1)
        {
            failures.Add($"{setting}.PasswordMinLength is {minLength} and must be at least 1; the default is 8.");
        }

        if (maxLength < minLength)
        {
            failures.Add($"{setting}.PasswordMaxLength is {maxLength}, below PasswordMinLength ({minLength}); the default is 128.");
        }
    }

    public static void ValidateRegistered<TService>(IServiceProviderIsService isService, string what, List<string> failures)
    {
        if (!isService.IsService(typeof(TService)))
        {
            failures.Add(
                $"No {typeof(TService).Name} is registered: register {what}, for example " +
                $"builder.Services.AddScoped<{typeof(TService).Name}, YourImplementation>().");
        }
    }

    /// <summary>A path on this site: "//host" and "/\\host" would be read by browsers as another site.</summary>
    public static bool IsLocalPath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    private static void ValidatePublicBaseUri(string setting, string addMethod, Uri? uri, bool development, List<string> failures)
    {
        string name = $"{setting}.{nameof(LinkFlowOptions.PublicBaseUri)}";
        string example = $"{addMethod}(o => o.PublicBaseUri = new Uri(\"https://example.com\"))";

        if (uri is null)
        {
            if (!development)
            {
                failures.Add(
                    $"{name} is required outside Development: set it to the site's public https address, for example {example}. " +
                    "Links are built only from it, never from the request's Host header.");
            }

            return;
        }

        if (!uri.IsAbsoluteUri)
        {
            failures.Add($"{name} \"{uri}\" is not absolute: set it to the site's public https address, for example {example}.");
            return;
        }

        bool https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !(development && uri.Scheme == Uri.UriSchemeHttp))
        {
            failures.Add(
                $"{name} \"{uri}\" must use https outside Development (http is accepted only there): " +
                $"set it to the site's public https address, for example {example}.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            failures.Add($"{name} must have no user info, query or fragment: give only the scheme, host, port and path, for example https://example.com/app/.");
        }
    }
}
