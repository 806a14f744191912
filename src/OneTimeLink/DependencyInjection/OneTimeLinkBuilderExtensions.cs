using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneTimeLink;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds purposes and a state provider to one-time links.</summary>
public static class OneTimeLinkBuilderExtensions
{
    /// <summary>Adds the purpose <paramref name="name"/>, or changes it when configuration already has it.</summary>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="name">The purpose's name, such as <c>reset-password</c>; compared ordinally.</param>
    /// <param name="configure">Sets the purpose's lifetime, single use and state binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddPurpose(this IOneTimeLinkBuilder builder, string name, Action<LinkPurposeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.Configure<OneTimeLinkOptions>(options =>
        {
            if (!options.Purposes.TryGetValue(name, out LinkPurposeOptions? purpose))
            {
                purpose = new LinkPurposeOptions();
                options.Purposes[name] = purpose;
            }

            configure(purpose);
        });
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TProvider"/> as the <see cref="ILinkStateProvider"/> for every purpose that binds state
    /// and has no provider of its own. It is resolved from a new scope per lookup, so it may use scoped services.
    /// </summary>
    /// <typeparam name="TProvider">The state provider.</typeparam>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddStateProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IOneTimeLinkBuilder builder)
        where TProvider : class, ILinkStateProvider
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.Replace(ServiceDescriptor.Scoped<ILinkStateProvider, TProvider>());
        return builder;
    }

    /// <summary>Registers <typeparamref name="TProvider"/> as the <see cref="ILinkStateProvider"/> for the purpose <paramref name="purpose"/> only.</summary>
    /// <typeparam name="TProvider">The state provider.</typeparam>
    /// <param name="builder">The builder from <c>AddOneTimeLinks</c>.</param>
    /// <param name="purpose">The purpose it answers for.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IOneTimeLinkBuilder AddStateProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IOneTimeLinkBuilder builder, string purpose)
        where TProvider : class, ILinkStateProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);

        builder.Services.RemoveAllKeyed<ILinkStateProvider>(purpose);
        builder.Services.AddKeyedScoped<ILinkStateProvider, TProvider>(purpose);
        return builder;
    }
}
