using System.Net;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>Checking a link and acting on it cost the application's store one lookup, not one for the state and one for the user.</summary>
public sealed class StoreLookupTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ValidLanding_CostsOneLookup()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        int lookups = await LookupsOfAsync(() => _app.Client.GetAsync(sent.PathAndQuery));

        lookups.Should().Be(1);
    }

    [Fact]
    public async Task UsedLinkLanding_CostsOneLookup_AndStillAnswersAlreadyActive()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");
        (await _app.PostTokenAsync(sent.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        int before = _app.Store.LookupsById;

        using HttpResponseMessage landing = await _app.Client.GetAsync(sent.PathAndQuery);

        (_app.Store.LookupsById - before).Should().Be(1);
        (await landing.Content.ReadAsStringAsync()).Should().Contain("already active");
    }

    [Fact]
    public async Task Activation_CostsOneLookup()
    {
        SentLink sent = await _app.RegisterAsync("ann@example.com");

        int lookups = await LookupsOfAsync(() => _app.PostTokenAsync(sent.Token));

        lookups.Should().Be(1);
        _app.Store.Get("ann@example.com")!.IsActive.Should().BeTrue();
    }

    private async Task<int> LookupsOfAsync(Func<Task<HttpResponseMessage>> request)
    {
        int before = _app.Store.LookupsById;
        using HttpResponseMessage response = await request();
        return _app.Store.LookupsById - before;
    }
}
