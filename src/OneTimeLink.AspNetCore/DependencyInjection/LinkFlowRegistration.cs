using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneTimeLink;
using OneTimeLink.AspNetCore;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;
using OneTimeLink.AspNetCore.Pages;
using OneTimeLink.AspNetCore.Queue;
using OneTimeLink.AspNetCore.State;
using OneTimeLink.AspNetCore.Throttling;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What every <c>Add…</c> of a flow registers: the shared pipeline once, then the flow's own purpose, options, state binding and definition.</summary>
internal static class LinkFlowRegistration
{
    public static IOneTimeLinkBuilder AddLinkFlow<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFlow,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        TStore,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IOneTimeLinkBuilder builder,
        string purpose,
        TimeSpan defaultLifetime,
        Action<TOptions> configure)
        where TFlow : LinkFlow
        where TOptions : LinkFlowOptions, new()
        where TStore : class, ILinkFlowUserStore
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(configure);

        IServiceCollection services = builder.Services;
        AddPipeline(services);

        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(new LinkFlowPurpose<TFlow>(purpose, defaultLifetime));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OneTimeLinkOptions>, LinkFlowPurposeSetup<TFlow>>());
        builder.AddStateProvider<LinkFlowStateProvider<TStore>>(purpose);
        services.TryAddSingleton<TFlow>();
        return builder;
    }

    private static void AddPipeline(IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<BackgroundWorkQueueOptions>();
        services.TryAddSingleton<BackgroundWorkQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BackgroundWorkQueue>(static sp => sp.GetRequiredService<BackgroundWorkQueue>()));
        services.TryAddSingleton<ILinkFlowStateStore, InMemoryLinkFlowStateStore>();
        services.TryAddSingleton<EmailThrottle>();
        services.TryAddSingleton<LinkUriBuilder>();
        services.TryAddSingleton<ILinkPageRenderer, DefaultLinkPageRenderer>();
        services.TryAddSingleton<LinkFlowMetrics>();
        services.TryAddSingleton<UnconfirmedLandings>();
        services.TryAddSingleton<LinkFlowPipeline>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JsonOptions>, LinkFlowJsonOptionsSetup>());
    }
}
