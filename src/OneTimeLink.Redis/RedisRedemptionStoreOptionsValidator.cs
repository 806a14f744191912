using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeLink.Redis;

/// <summary>Checks <see cref="RedisRedemptionStoreOptions"/> at start-up and says how to fix each problem.</summary>
internal sealed class RedisRedemptionStoreOptionsValidator : IValidateOptions<RedisRedemptionStoreOptions>
{
    private const string Options = nameof(RedisRedemptionStoreOptions);

    private readonly IServiceProvider _services;

    public RedisRedemptionStoreOptionsValidator(IServiceProvider services)
    {
        _services = services;
    }

    public ValidateOptionsResult Validate(string? name, RedisRedemptionStoreOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrEmpty(options.Configuration))
        {
            if (!HasMultiplexerService())
            {
                failures.Add(
                    $"{Options}.Configuration is not set and no IConnectionMultiplexer is registered: pass a StackExchange.Redis " +
                    "configuration string to AddRedisRedemptionStore, for example \"localhost:6379\", or register your own " +
                    "IConnectionMultiplexer as a singleton.");
            }
        }
        else
        {
            ValidateConfiguration(options.Configuration, failures);
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            failures.Add(
                $"{Options}.KeyPrefix is empty: set it to a prefix no other data in this Redis uses, or leave the default " +
                $"\"{RedisRedemptionStoreOptions.DefaultKeyPrefix}\".");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add(
                $"{Options}.Timeout is {options.Timeout} and must be positive (and under 24 days); the default is 00:00:02, " +
                "and a redemption waits at most this long for Redis.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateConfiguration(string configuration, List<string> failures)
    {
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the whole string, which may hold a password.
            failures.Add(
                $"{Options}.Configuration is not a StackExchange.Redis configuration string ({ex.Message}): use the form " +
                "\"host:port,password=…,ssl=true\".");
            return;
        }

        if (parsed.EndPoints.Count == 0)
        {
            failures.Add(
                $"{Options}.Configuration names no server: start it with host and port, for example \"localhost:6379\".");
        }
    }

    private bool HasMultiplexerService() =>
        _services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(IConnectionMultiplexer))
            : _services.GetService<IConnectionMultiplexer>() is not null;
}
