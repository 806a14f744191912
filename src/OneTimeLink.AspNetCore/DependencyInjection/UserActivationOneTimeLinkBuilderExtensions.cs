using Microsoft.Extensions.Configuration;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Activation;
using OneTimeLink.AspNetCore.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds account activation (register, activate, resend) to one-time links.</summary>
public static class UserActivationOneTimeLinkBuilderExtensions
{
    /// <summary>The lifetime of activation links when configuration gives none.</summary>
    private static readonly TimeSpan s_defaultLifetime = TimeSpan.FromHours(2);

    /// <summary>
    /// Adds account activation with links of the purpose <see cref="UserActivationOptions.DefaultPurpose"/>; map the
    /// endpoints with <c>MapUserActivation</c>. The application registers its own <see cref="IUserActivationStore"/>
    /// and <see cref="IActivationLinkSender"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configure">Sets <see cref="UserActivationOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddUserActivation(this IOneTimeLinkBuilder builder, Action<UserActivationOptions> configure) =>
        builder.AddUserActivation(UserActivationOptions.DefaultPurpose, configure);

    /// <summary>
    /// Adds account activation with links of the purpose <see cref="UserActivationOptions.DefaultPurpose"/> and
    /// <see cref="UserActivationOptions"/> bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("UserActivation")</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configuration">The section holding <see cref="UserActivationOptions"/>, such as <c>{ "PublicBaseUri": "https://example.com" }</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddUserActivation(this IOneTimeLinkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        builder.Services.AddOptions<UserActivationOptions>().Bind(configuration);
        return builder.AddUserActivation(UserActivationOptions.DefaultPurpose, static _ => { });
    }

    /// <summary>
    /// Adds account activation with links of the purpose <paramref name="purpose"/>. The purpose is added when
    /// configuration lacks it (lifetime two hours), and always binds state to the user's stamp, so activating the
    /// account or sending a newer link ends the older links. Call it once.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="purpose">The link purpose of activation links.</param>
    /// <param name="configure">Sets <see cref="UserActivationOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddUserActivation(this IOneTimeLinkBuilder builder, string purpose, Action<UserActivationOptions> configure) =>
        LinkFlowRegistration.AddLinkFlow<UserActivationFlow, UserActivationOptions, IUserActivationStore, UserActivationOptionsValidator>(
            builder, purpose, s_defaultLifetime, configure);
}
