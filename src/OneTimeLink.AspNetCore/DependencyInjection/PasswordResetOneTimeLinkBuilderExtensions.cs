using Microsoft.Extensions.Configuration;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.PasswordReset;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds password reset (forgot password, reset password) to one-time links.</summary>
public static class PasswordResetOneTimeLinkBuilderExtensions
{
    /// <summary>The lifetime of reset links when configuration gives none: short, as whoever holds one can take the account.</summary>
    private static readonly TimeSpan s_defaultLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Adds password reset with links of the purpose <see cref="PasswordResetOptions.DefaultPurpose"/>; map the endpoints
    /// with <c>MapPasswordReset</c>. The application registers its own <see cref="IPasswordResetStore"/> and
    /// <see cref="IPasswordResetLinkSender"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configure">Sets <see cref="PasswordResetOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddPasswordReset(this IOneTimeLinkBuilder builder, Action<PasswordResetOptions> configure) =>
        builder.AddPasswordReset(PasswordResetOptions.DefaultPurpose, configure);

    /// <summary>
    /// Adds password reset with links of the purpose <see cref="PasswordResetOptions.DefaultPurpose"/> and
    /// <see cref="PasswordResetOptions"/> bound from <paramref name="configuration"/>, usually
    /// <c>builder.Configuration.GetSection("PasswordReset")</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="configuration">The section holding <see cref="PasswordResetOptions"/>, such as <c>{ "PublicBaseUri": "https://example.com" }</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddPasswordReset(this IOneTimeLinkBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        builder.Services.AddOptions<PasswordResetOptions>().Bind(configuration);
        return builder.AddPasswordReset(PasswordResetOptions.DefaultPurpose, static _ => { });
    }

    /// <summary>
    /// Adds password reset with links of the purpose <paramref name="purpose"/>. The purpose is added when configuration
    /// lacks it (lifetime 30 minutes), single use, and always binds state to the user's stamp, so the reset ends every
    /// other reset link. Call it once.
    /// </summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="purpose">The link purpose of reset links.</param>
    /// <param name="configure">Sets <see cref="PasswordResetOptions"/>; <see cref="LinkFlowOptions.PublicBaseUri"/> is required outside Development.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddPasswordReset(this IOneTimeLinkBuilder builder, string purpose, Action<PasswordResetOptions> configure) =>
        LinkFlowRegistration.AddLinkFlow<PasswordResetFlow, PasswordResetOptions, IPasswordResetStore, PasswordResetOptionsValidator>(
            builder, purpose, s_defaultLifetime, configure);
}
