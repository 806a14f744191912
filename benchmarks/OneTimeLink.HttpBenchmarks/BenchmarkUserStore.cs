using System.Collections.Concurrent;
using OneTimeLink.AspNetCore;

namespace OneTimeLink.HttpBenchmarks;

/// <summary>
/// An in-memory user store: two dictionary lookups at most per call, no password hashing (the password is dropped),
/// so what the benchmark measures is the flows and not the store. A real store hashes on register, in the background.
/// </summary>
internal sealed class BenchmarkUserStore : IUserActivationStore
{
    private readonly ConcurrentDictionary<string, User> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId;

    public int Count => _byId.Count;

    public ValueTask<LinkFlowUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = new User($"user-{Interlocked.Increment(ref _nextId)}", email);
        if (!_byEmail.TryAdd(email, user))
        {
            return ValueTask.FromResult<LinkFlowUser?>(null);
        }

        _byId[user.Id] = user;
        return ValueTask.FromResult<LinkFlowUser?>(user.ToLinkFlowUser());
    }

    public ValueTask<bool> ReplacePendingRegistrationAsync(string userId, string password, CancellationToken cancellationToken)
    {
        User user = _byId[userId];
        lock (user)
        {
            if (user.IsActive)
            {
                return ValueTask.FromResult(false);
            }

            user.Stamp = Guid.NewGuid();
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<LinkFlowUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byId.TryGetValue(userId, out User? user) ? user.ToLinkFlowUser() : null);

    public ValueTask<LinkFlowUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byEmail.TryGetValue(email, out User? user) ? user.ToLinkFlowUser() : null);

    public ValueTask<bool> ActivateAsync(string userId, CancellationToken cancellationToken)
    {
        User user = _byId[userId];
        lock (user)
        {
            if (user.IsActive)
            {
                return ValueTask.FromResult(false);
            }

            user.IsActive = true;
            user.Stamp = Guid.NewGuid();
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        User user = _byId[userId];
        lock (user)
        {
            user.Stamp = Guid.NewGuid();
        }

        return ValueTask.CompletedTask;
    }

    private sealed class User
    {
        private Guid _stamp = Guid.NewGuid();
        private bool _isActive;

        public User(string id, string email)
        {
            Id = id;
            Email = email;
            State = StateOf(_isActive, _stamp);
        }

        public string Id { get; }

        public string Email { get; }

        /// <summary>Gets the state stamp, kept as text so that reading it allocates nothing (a database returns a string too).</summary>
        public string State { get; private set; }

        public bool IsActive
        {
            get => _isActive;
            set
            {
                _isActive = value;
                State = StateOf(_isActive, _stamp);
            }
        }

        public Guid Stamp
        {
            set
            {
                _stamp = value;
                State = StateOf(_isActive, _stamp);
            }
        }

        public LinkFlowUser ToLinkFlowUser() => new(Id, Email, IsActive, State);

        private static string StateOf(bool isActive, Guid stamp) => $"{isActive}:{stamp:N}";
    }
}
