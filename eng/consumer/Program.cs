// The README's ASP.NET Core quick start, compiled against the packed OneTimeLink.AspNetCore package by
// eng/consumer-test.sh. UserStore and Mailer are the smallest real implementations: users in memory, and the link
// written to the file named by LINK_FILE so the script can follow it.
using System.Collections.Concurrent;
using OneTimeLink.AspNetCore;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<IUserActivationStore, UserStore>();
builder.Services.AddSingleton<IActivationLinkSender, Mailer>();
builder.Services.AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"))
    .AddUserActivation(o => o.PublicBaseUri = new Uri(builder.Configuration["PublicBaseUri"]!));

WebApplication app = builder.Build();
app.MapUserActivation("/account");
app.Run();

internal sealed class UserStore : IUserActivationStore
{
    private readonly ConcurrentDictionary<string, (ActivationUser User, string Stamp)> _users = new();

    public ValueTask<ActivationUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = new ActivationUser(Guid.NewGuid().ToString("N"), email, isActive: false);
        return ValueTask.FromResult(_users.TryAdd(email, (user, Guid.NewGuid().ToString())) ? user : null);
    }

    public ValueTask<ActivationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.Values.Select(u => u.User).FirstOrDefault(u => u.Id == userId));

    public ValueTask<ActivationUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.TryGetValue(email, out var entry) ? entry.User : null);

    public ValueTask ActivateAsync(string userId, CancellationToken cancellationToken)
    {
        Update(userId, entry => (new ActivationUser(entry.User.Id, entry.User.Email, isActive: true), entry.Stamp));
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetStateAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.Values.Where(u => u.User.Id == userId).Select(u => (string?)$"{u.User.IsActive}:{u.Stamp}").FirstOrDefault());

    public ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        Update(userId, entry => (entry.User, Guid.NewGuid().ToString()));
        return ValueTask.CompletedTask;
    }

    private void Update(string userId, Func<(ActivationUser User, string Stamp), (ActivationUser, string)> change)
    {
        foreach ((string email, (ActivationUser User, string Stamp) entry) in _users)
        {
            if (entry.User.Id == userId)
            {
                _users[email] = change(entry);
            }
        }
    }
}

internal sealed class Mailer : IActivationLinkSender
{
    public async ValueTask SendActivationLinkAsync(ActivationUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(Environment.GetEnvironmentVariable("LINK_FILE")!, link.AbsoluteUri, cancellationToken);

    public ValueTask SendAccountExistsNoticeAsync(ActivationUser user, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
