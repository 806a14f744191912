using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneTimeLink.Tests.Infrastructure;

namespace OneTimeLink.Tests;

/// <summary>Every bad configuration fails when the host starts, with a message naming the setting and the fix.</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, Dictionary<string, string?>, string> BadConfigurations() => new()
    {
        { "NoKey", Without("OneTimeLinks:Keys:0:Id", "OneTimeLinks:Keys:0:Algorithm", "OneTimeLinks:Keys:0:Secret"), "OneTimeLinks:Keys is empty*openssl rand -base64 32*" },
        { "SecretNotBase64", With("OneTimeLinks:Keys:0:Secret", "not*base64!"), "OneTimeLinks:Keys:0:Secret is not valid base64*" },
        { "SecretUnder32Bytes", With("OneTimeLinks:Keys:0:Secret", Convert.ToBase64String(new byte[31])), "OneTimeLinks:Keys:0:Secret is 31 bytes; HS256 needs at least 32*" },
        { "SecretMissing", Without("OneTimeLinks:Keys:0:Secret"), "OneTimeLinks:Keys:0:Secret is required*" },
        { "HS512SecretUnder64Bytes", With("OneTimeLinks:Keys:0:Algorithm", "HS512"), "OneTimeLinks:Keys:0:Secret is 32 bytes; HS512 needs at least 64*" },
        { "DuplicateKeyIds", With("OneTimeLinks:Keys:1:Id", "k1", "OneTimeLinks:Keys:1:Secret", TestLinks.OtherSecret), "OneTimeLinks:Keys:1:Id \"k1\" is used by another key*" },
        { "KeyIdMissing", Without("OneTimeLinks:Keys:0:Id"), "OneTimeLinks:Keys:0:Id is required*" },
        { "UnsupportedAlgorithm", With("OneTimeLinks:Keys:0:Algorithm", "RS256"), "OneTimeLinks:Keys:0:Algorithm \"RS256\" is not supported: use one of HS256, HS384, HS512*" },
        { "AlgorithmNone", With("OneTimeLinks:Keys:0:Algorithm", "none"), "*Algorithm \"none\" is not supported*" },
        { "NoPurposes", Without("OneTimeLinks:Purposes:activate-account:Lifetime"), "OneTimeLinks:Purposes is empty*AddPurpose*" },
        { "ZeroLifetime", With("OneTimeLinks:Purposes:activate-account:Lifetime", "00:00:00"), "OneTimeLinks:Purposes:activate-account:Lifetime is 00:00:00 and must be at least one second*" },
        { "NegativeLifetime", With("OneTimeLinks:Purposes:activate-account:Lifetime", "-01:00:00"), "OneTimeLinks:Purposes:activate-account:Lifetime is -01:00:00*" },
        { "NegativeSkew", With("OneTimeLinks:ClockSkew", "-00:00:05"), "OneTimeLinks:ClockSkew is -00:00:05 and must not be negative*" },
        { "NoIssuer", Without("OneTimeLinks:Issuer"), "OneTimeLinks:Issuer is required*" },
        { "NoAudience", Without("OneTimeLinks:Audience"), "OneTimeLinks:Audience is required*" },
        { "TypoInAPurposeSetting", With("OneTimeLinks:Purposes:activate-account:BindStat", "true"), "OneTimeLinks:Purposes:activate-account:BindStat is not a setting*Lifetime, SingleUse, BindState*" },
        { "TypoInAKeySetting", With("OneTimeLinks:Keys:0:Secrets", TestLinks.Secret), "OneTimeLinks:Keys:0:Secrets is not a setting*Id, Algorithm, Secret*" },
        { "TypoInTheSection", With("OneTimeLinks:ClockSkw", "00:00:10"), "OneTimeLinks:ClockSkw is not a setting*Issuer, Audience, ClockSkew*" },
        { "BindStateWithoutProvider", With("OneTimeLinks:Purposes:activate-account:BindState", "true"), "OneTimeLinks:Purposes:activate-account:BindState is true but no ILinkStateProvider is registered*AddStateProvider*" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task HostStart_BadConfiguration_FailsNamingTheSetting(string name, Dictionary<string, string?> settings, string expectedMessage)
    {
        using IHost host = BuildHost(settings);

        Func<Task> start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>(name)).Which.Message.Should().Match(expectedMessage, name);
    }

    [Fact]
    public async Task HostStart_ConfigurationInTheDocumentedShape_StartsAndIssues()
    {
        using IHost host = BuildHost(Valid());

        await host.StartAsync();
        IOneTimeLinkService links = host.Services.GetRequiredService<IOneTimeLinkService>();
        IssuedLink issued = await links.IssueAsync("activate-account", "user-42");
        await host.StopAsync();

        issued.ExpiresAt.Should().Be(issued.IssuedAt.AddHours(2));
    }

    [Fact]
    public void Options_BoundFromConfiguration_HaveTheDocumentedDefaults()
    {
        Dictionary<string, string?> settings = Valid();
        settings.Remove("OneTimeLinks:ClockSkew");
        using IHost host = BuildHost(settings);

        OneTimeLinkOptions options = host.Services.GetRequiredService<IOptions<OneTimeLinkOptions>>().Value;

        options.ClockSkew.Should().Be(TimeSpan.FromSeconds(30));
        options.Keys.Should().ContainSingle().Which.Algorithm.Should().Be("HS256");
        options.Purposes["activate-account"].SingleUse.Should().BeTrue();
        options.Purposes["activate-account"].BindState.Should().BeFalse();
        options.InMemoryRedemptionCapacity.Should().Be(100_000);
    }

    [Fact]
    public async Task HostStart_SettingsInAnotherCase_AreNoTypo()
    {
        // Configuration keys are case-insensitive, and the binder reads them so.
        Dictionary<string, string?> settings = Without("OneTimeLinks:Purposes:activate-account:Lifetime");
        settings["oneTimeLinks:purposes:activate-account:lifetime"] = "02:00:00";
        settings["OneTimeLinks:Purposes:activate-account:singleuse"] = "false";
        using IHost host = BuildHost(settings);

        await host.StartAsync();
        await host.StopAsync();

        host.Services.GetRequiredService<IOptions<OneTimeLinkOptions>>().Value.Purposes["activate-account"].SingleUse.Should().BeFalse();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"));
        return builder.Build();
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["OneTimeLinks:Issuer"] = TestLinks.Issuer,
        ["OneTimeLinks:Audience"] = TestLinks.Audience,
        ["OneTimeLinks:ClockSkew"] = "00:00:30",
        ["OneTimeLinks:Keys:0:Id"] = "k1",
        ["OneTimeLinks:Keys:0:Algorithm"] = "HS256",
        ["OneTimeLinks:Keys:0:Secret"] = TestLinks.Secret,
        ["OneTimeLinks:Purposes:activate-account:Lifetime"] = "02:00:00",
    };

    private static Dictionary<string, string?> With(params string[] pairs)
    {
        Dictionary<string, string?> settings = Valid();
        for (int i = 0; i < pairs.Length; i += 2)
        {
            settings[pairs[i]] = pairs[i + 1];
        }

        return settings;
    }

    private static Dictionary<string, string?> Without(params string[] keys)
    {
        Dictionary<string, string?> settings = Valid();
        foreach (string key in keys)
        {
            settings.Remove(key);
        }

        return settings;
    }
}
