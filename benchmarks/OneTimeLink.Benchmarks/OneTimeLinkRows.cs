using Microsoft.Extensions.DependencyInjection;

namespace OneTimeLink.Benchmarks;

/// <summary>OneTimeLink as an application uses it: <see cref="IOneTimeLinkService"/> from DI, in-memory store, no state binding.</summary>
public sealed class OneTimeLinkRows : IDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="clock">The clock the service reads; the system clock when null.</param>
    public OneTimeLinkRows(TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddOneTimeLinks(options =>
        {
            options.Issuer = LinkClaims.Issuer;
            options.Audience = LinkClaims.Audience;
            options.ClockSkew = LinkClaims.ClockSkew;
            options.Keys.Add(new SigningKeyOptions { Id = LinkClaims.KeyId, Algorithm = "HS256", Secret = Convert.ToBase64String(LinkClaims.Secret) });
        })
            .AddPurpose(LinkClaims.Purpose, p => p.Lifetime = LinkClaims.Lifetime)
            .AddPurpose(LinkClaims.OtherPurpose, p => p.Lifetime = LinkClaims.Lifetime);
        _provider = services.BuildServiceProvider();
        Links = _provider.GetRequiredService<IOneTimeLinkService>();
    }

    public IOneTimeLinkService Links { get; }

    public string Issue() => Links.IssueAsync(LinkClaims.Purpose, LinkClaims.Subject).AsTask().GetAwaiter().GetResult().Token;

    public void Dispose() => _provider.Dispose();
}
