
namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>A thread-safe in-memory <see cref="IUserActivationStore"/> with a security stamp per user, as Identity has.</summary>
internal sealed class InMemoryUserStore : IUserActivationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredUser> _byId = new(StringComparer.Ordinal);
    private int _nextId;

    public IReadOnlyCollection<string> PasswordsReceived
    {
        get
        {
            lock (_gate)
            {
                return _byId.Values.Select(u => u.Password).ToList();
            }
        }
    }

    public ValueTask<ActivationUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FindByEmail(email) is not null)
            {
                return ValueTask.FromResult<ActivationUser?>(null);
            }

            var user = new StoredUser($"user-{++_nextId}", email, password);
            _byId[user.Id] = user;
            return ValueTask.FromResult<ActivationUser?>(user.ToActivationUser());
        }
    }

    public ValueTask<ActivationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(userId, out StoredUser? user) ? user.ToActivationUser() : null);
        }
    }

    public ValueTask<ActivationUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(FindByEmail(email)?.ToActivationUser());
        }
    }

    public ValueTask ActivateAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            StoredUser user = _byId[userId];
            if (!user.IsActive)
            {
                user.IsActive = true;
                user.Stamp = Guid.NewGuid().ToString("N");
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetStateAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(userId, out StoredUser? user) ? user.Stamp : null);
        }
    }

    public ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _byId[userId].Stamp = Guid.NewGuid().ToString("N");
        }

        return ValueTask.CompletedTask;
    }

    public ActivationUser? Get(string email)
    {
        lock (_gate)
        {
            return FindByEmail(email)?.ToActivationUser();
        }
    }

    public void Delete(string userId)
    {
        lock (_gate)
        {
            _byId.Remove(userId);
        }
    }

    private StoredUser? FindByEmail(string email) =>
        _byId.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    private sealed class StoredUser(string id, string email, string password)
    {
        public string Id { get; } = id;

        public string Email { get; } = email;

        public string Password { get; } = password;

        public bool IsActive { get; set; }

        public string Stamp { get; set; } = Guid.NewGuid().ToString("N");

        public ActivationUser ToActivationUser() => new(Id, Email, IsActive);
    }
}
