// The README's ASP.NET Core quick start, compiled against the packed OneTimeLink.AspNetCore package by
// eng/consumer-test.sh. UserStore and Mailer are the smallest real implementations: users in memory, and the link
// written to the file named by LINK_FILE so the script can follow it.
using OneTimeLink.AspNetCore;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<IUserActivationStore, UserStore>();
builder.Services.AddSingleton<IActivationLinkSender, Mailer>();
builder.Services.AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"))
    .AddUserActivation(o => o.PublicBaseUri = new Uri(builder.Configuration["PublicBaseUri"]!));

WebApplication app = builder.Build();
app.MapUserActivation("/account");
app.Run();

/// <summary>Users in memory; one lock makes each check-and-change a single step, as a conditional UPDATE would.</summary>
internal sealed class UserStore : IUserActivationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, User> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<LinkFlowUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byEmail.ContainsKey(email))
            {
                return ValueTask.FromResult<LinkFlowUser?>(null);
            }

            // A real store hashes the password (Identity's PasswordHasher<T>, say); this one only keeps its accounts.
            var user = new User(Guid.NewGuid().ToString("N"), email) { Stamp = Guid.NewGuid().ToString() };
            _byEmail[email] = user;
            return ValueTask.FromResult<LinkFlowUser?>(user.ToLinkFlowUser());
        }
    }

    public ValueTask<bool> ReplacePendingRegistrationAsync(string userId, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Change(userId, user => !user.IsActive, user => user.Stamp = Guid.NewGuid().ToString()));

    public ValueTask<bool> ActivateAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Change(userId, user => !user.IsActive, user => user.IsActive = true));

    public ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        Change(userId, _ => true, user => user.Stamp = Guid.NewGuid().ToString());
        return ValueTask.CompletedTask;
    }

    public ValueTask<LinkFlowUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(ById(userId)?.ToLinkFlowUser());
        }
    }

    public ValueTask<LinkFlowUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byEmail.TryGetValue(email, out User? user) ? user.ToLinkFlowUser() : null);
        }
    }

    private bool Change(string userId, Func<User, bool> condition, Action<User> change)
    {
        lock (_gate)
        {
            if (ById(userId) is not { } user || !condition(user))
            {
                return false;
            }

            change(user);
            return true;
        }
    }

    private User? ById(string userId) => _byEmail.Values.FirstOrDefault(u => u.Id == userId);

    private sealed class User(string id, string email)
    {
        public string Id { get; } = id;

        public string Email { get; } = email;

        public bool IsActive { get; set; }

        public required string Stamp { get; set; }

        public LinkFlowUser ToLinkFlowUser() => new(Id, Email, IsActive, $"{IsActive}:{Stamp}");
    }
}

/// <summary>Writes the link to LINK_FILE, whole: to a temporary file first, then renamed, so the script never reads half a link.</summary>
internal sealed class Mailer : IActivationLinkSender
{
    public async ValueTask SendActivationLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        string path = Environment.GetEnvironmentVariable("LINK_FILE")!;
        await File.WriteAllTextAsync(path + ".tmp", link.AbsoluteUri, cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public ValueTask SendAccountExistsNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
