using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneTimeLink.Tests.Infrastructure;
using StackExchange.Redis;

namespace OneTimeLink.Redis.Tests;

public sealed class OptionsValidationTests
{
    /// <summary>Nothing listens here: start-up must not try to connect.</summary>
    private const string Unused = "127.0.0.1:1";

    public static TheoryData<string, Action<RedisRedemptionStoreOptions>, string> InvalidOptions => new()
    {
        { "Invalid_NoConfigurationNorMultiplexer", options => options.Configuration = null, "Configuration is not set and no IConnectionMultiplexer is registered" },
        { "Invalid_EmptyKeyPrefix", options => options.KeyPrefix = "", "KeyPrefix is empty" },
        { "Invalid_BlankKeyPrefix", options => options.KeyPrefix = "  ", "KeyPrefix is empty" },
        { "Invalid_ZeroTimeout", options => options.Timeout = TimeSpan.Zero, "Timeout is 00:00:00 and must be positive" },
        { "Invalid_NegativeTimeout", options => options.Timeout = TimeSpan.FromSeconds(-1), "must be positive" },
        { "Invalid_UnknownKeyword", options => options.Configuration = "localhost:6379,notakeyword=1", "is not a StackExchange.Redis configuration string" },
        { "Invalid_NoServer", options => options.Configuration = "password=hunter2", "names no server" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task StartAsync_InvalidOptions_FailsWithAMessageThatSaysHowToFixIt(string name, Action<RedisRedemptionStoreOptions> configure, string expected)
    {
        using IHost host = CreateHost(links => links.AddRedisRedemptionStore(options =>
        {
            options.Configuration = Unused;
            configure(options);
        }));

        Func<Task> start = () => host.StartAsync();

        OptionsValidationException error = (await start.Should().ThrowAsync<OptionsValidationException>(name)).Which;
        error.Failures.Should().ContainSingle().Which.Should().Contain(expected).And.NotContain("hunter2");
    }

    [Fact]
    public async Task StartAsync_ConfigurationGiven_StartsWithoutConnecting()
    {
        using IHost host = CreateHost(links => links.AddRedisRedemptionStore(Unused));

        await host.StartAsync();

        host.Services.GetRequiredService<IRedemptionStore>().Should().BeOfType<RedisRedemptionStore>();
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_MultiplexerRegistered_NeedsNoConfiguration()
    {
        using IHost host = CreateHost(
            links => links.AddRedisRedemptionStore(options => options.KeyPrefix = "app:links:"),
            services => services.AddSingleton<IConnectionMultiplexer>(_ => throw new InvalidOperationException("Start-up must not resolve the multiplexer.")));

        await host.StartAsync();

        await host.StopAsync();
    }

    [Fact]
    public void AddRedisRedemptionStore_EmptyConfiguration_Throws()
    {
        IOneTimeLinkBuilder links = new ServiceCollection().AddOneTimeLinks(TestLinks.Configure);

        Action add = () => links.AddRedisRedemptionStore(" ");

        add.Should().Throw<ArgumentException>().WithParameterName("configuration");
    }

    [Fact]
    public void AddRedisRedemptionStore_ReplacesTheInMemoryStore()
    {
        var services = new ServiceCollection();

        services.AddOneTimeLinks(TestLinks.Configure).AddRedisRedemptionStore(Unused);

        services.Where(d => d.ServiceType == typeof(IRedemptionStore)).Should().ContainSingle()
            .Which.ImplementationType.Should().Be<RedisRedemptionStore>();
    }

    private static IHost CreateHost(Action<IOneTimeLinkBuilder> build, Action<IServiceCollection>? services = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        services?.Invoke(builder.Services);
        build(builder.Services.AddOneTimeLinks(TestLinks.Configure));
        return builder.Build();
    }
}
