using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.SignIn;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds passwordless sign-in (an emailed link and code, completed in the browser that asked) to one-time links.</summary>
public static class MagicLinkSignInOneTimeLinkBuilderExtensions
{
    /// <summary>The lifetime of sign-in links and codes when configuration gives none: short, as whoever holds one may be signed in.</summary>
    private static readonly TimeSpan s_defaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Adds passwordless sign-in with links of the purpose <see cref="MagicLinkSignInOptions.DefaultPurpose"/>; map the
    /// endpoints with <c>MapMagicLinkSignIn</c>. The application registers its own <see cref="IMagicLinkSignInStore"/>
    /// and <see cref="IMagicLinkSender"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configure">Sets <see cref="MagicLinkSignInOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddMagicLinkSignIn(this IOneTimeLinkBuilder builder, Action<MagicLinkSignInOptions> configure) =>
        builder.AddMagicLinkSignIn(MagicLinkSignInOptions.DefaultPurpose, configure);

    /// <summary>
    /// Adds passwordless sign-in with links of the purpose <see cref="MagicLinkSignInOptions.DefaultPurpose"/> and
    /// <see cref="MagicLinkSignInOptions"/> bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("MagicLinkSignIn")</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configuration">The section holding <see cref="MagicLinkSignInOptions"/>, such as <c>{ "PublicBaseUri": "https://example.com" }</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddMagicLinkSignIn(this IOneTimeLinkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<MagicLinkSignInOptions>().Bind(configuration);
        return builder.AddMagicLinkSignIn(MagicLinkSignInOptions.DefaultPurpose, static _ => { });
    }

    /// <summary>
    /// Adds passwordless sign-in with links of the purpose <paramref name="purpose"/>. The purpose is added when
    /// configuration lacks it (lifetime 15 minutes), single use, and always binds state to the user's stamp, so a
    /// password reset or any other stamp change ends outstanding sign-in links. Call it once.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="purpose">The link purpose of sign-in links.</param>
    /// <param name="configure">Sets <see cref="MagicLinkSignInOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddMagicLinkSignIn(this IOneTimeLinkBuilder builder, string purpose, Action<MagicLinkSignInOptions> configure)
    {
        LinkFlowRegistration.AddLinkFlow<MagicLinkSignInFlow, MagicLinkSignInOptions, IMagicLinkSignInStore, MagicLinkSignInOptionsValidator>(
            builder, purpose, s_defaultLifetime, configure);
        builder.Services.TryAddSingleton<SignInRequestCookie>();
        builder.Services.TryAddSingleton<PendingSignIns>();
        builder.Services.TryAddSingleton<SignInCompletion>();
        return builder;
    }
}
