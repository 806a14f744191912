using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OneTimeLink.Tests.Infrastructure;

/// <summary>Builds a real service provider around <see cref="IOneTimeLinkService"/> with a fake clock.</summary>
internal static class TestLinks
{
    public const string Issuer = "https://links.example";
    public const string Audience = "example-links";
    public const string Activate = "activate-account";
    public const string Reset = "reset-password";

    /// <summary>32 bytes, base64. A test key only.</summary>
    public const string Secret = "q0Zb6mJk3Ytq8Kc2w7vB1n4xL9pR5sT0uV2yZ8aD6eE=";

    public const string OtherSecret = "N3wK3yF0rR0tat10nN3wK3yF0rR0tat10nN3wK3yF0r=";

    public static DateTimeOffset Start { get; } = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static void Configure(OneTimeLinkOptions options)
    {
        options.Issuer = Issuer;
        options.Audience = Audience;
        options.Keys.Add(new SigningKeyOptions { Id = "k1", Algorithm = "HS256", Secret = Secret });
        options.Purposes[Activate] = new LinkPurposeOptions { Lifetime = TimeSpan.FromHours(2) };
        options.Purposes[Reset] = new LinkPurposeOptions { Lifetime = TimeSpan.FromMinutes(15) };
    }

    public static ServiceProvider CreateProvider(
        FakeTimeProvider time,
        Action<OneTimeLinkOptions>? configure = null,
        Action<IOneTimeLinkBuilder>? build = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        IOneTimeLinkBuilder builder = collection.AddOneTimeLinks(options =>
        {
            Configure(options);
            configure?.Invoke(options);
        });
        build?.Invoke(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IOneTimeLinkService CreateService(FakeTimeProvider time, Action<OneTimeLinkOptions>? configure = null) =>
        CreateProvider(time, configure).GetRequiredService<IOneTimeLinkService>();
}
