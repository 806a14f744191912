using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A thread-safe in-memory user store for activation and password reset, with a security stamp per user as Identity
/// has. <see cref="Gate"/>, when set, holds every call until the test releases it, so tests can see what the
/// endpoints answer while the store is still working, without a clock.
/// </summary>
internal sealed class InMemoryUserStore : IUserActivationStore, IPasswordResetStore, IMagicLinkSignInStore
{
    /// <summary>The authentication scheme the test application signs people in with: a real cookie.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The store's own password rule on top of the flows' length check, as Identity's validators are.</summary>
    public const string RefusedWord = "password";

    private readonly object _gate = new();
    private readonly Dictionary<string, StoredUser> _byId = new(StringComparer.Ordinal);
    private int _nextId;
    private int _activationFailures;
    private int _calls;
    private int _lookupsById;
    private readonly HashSet<string> _lockedOut = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a gate every call waits on; null lets calls through.</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>Gets how many calls are waiting on <see cref="Gate"/> or have passed it.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Gets how many times a user was looked up by id: the cost of checking a link.</summary>
    public int LookupsById => Volatile.Read(ref _lookupsById);

    /// <summary>Completes at the store's first call, for a test that must know the background work has started.</summary>
    public Task WhenCalledAsync() => _called.Task;

    public IReadOnlyCollection<string> PasswordsReceived
    {
        get
        {
            lock (_gate)
            {
                return _byId.Values.SelectMany(u => u.PasswordsSet).ToList();
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> activations throw after nothing changed, as a failing database would.</summary>
    public void FailActivations(int count) => Interlocked.Exchange(ref _activationFailures, count);

    public async ValueTask<LinkFlowUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            if (FindByEmail(email) is not null)
            {
                return null;
            }

            var user = new StoredUser($"user-{++_nextId}", email, password);
            _byId[user.Id] = user;
            return user.ToLinkFlowUser();
        }
    }

    public async ValueTask<bool> ReplacePendingRegistrationAsync(string userId, string password, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            StoredUser user = _byId[userId];
            if (user.IsActive)
            {
                return false;
            }

            user.SetPassword(password);
            user.Stamp = NewStamp();
            return true;
        }
    }

    public async ValueTask<LinkFlowUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookupsById);
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            return _byId.TryGetValue(userId, out StoredUser? user) ? user.ToLinkFlowUser() : null;
        }
    }

    public async ValueTask<LinkFlowUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            return FindByEmail(email)?.ToLinkFlowUser();
        }
    }

    public async ValueTask<bool> ActivateAsync(string userId, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        if (Interlocked.Decrement(ref _activationFailures) >= 0)
        {
            throw new InvalidOperationException("The test store failed to activate.");
        }

        lock (_gate)
        {
            StoredUser user = _byId[userId];
            if (user.IsActive)
            {
                return false;
            }

            user.IsActive = true;
            user.Stamp = NewStamp();
            return true;
        }
    }

    public async ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            _byId[userId].Stamp = NewStamp();
        }
    }

    public async ValueTask<IReadOnlyList<string>> ValidatePasswordAsync(string userId, string password, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        return password.Contains(RefusedWord, StringComparison.OrdinalIgnoreCase)
            ? [$"Passwords must not contain the word '{RefusedWord}'."]
            : [];
    }

    public async ValueTask ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            StoredUser user = _byId[userId];
            user.SetPassword(password);
            user.IsActive = true;
            user.Stamp = NewStamp();
        }
    }

    /// <summary>Signs the user in with a real authentication cookie, unless the test locked the account out.</summary>
    public async ValueTask<bool> SignInAsync(LinkFlowUser user, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (_gate)
        {
            if (_lockedOut.Contains(user.Id))
            {
                return false;
            }
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Email, user.Email)], Scheme);
        await httpContext.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return true;
    }

    /// <summary>Adds an active account, as one that registered and activated long ago.</summary>
    public LinkFlowUser AddActiveUser(string email)
    {
        lock (_gate)
        {
            var user = new StoredUser((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), email, "an old password");
            user.IsActive = true;
            _byId.Add(user.Id, user);
            return user.ToLinkFlowUser();
        }
    }

    /// <summary>Makes <see cref="SignInAsync"/> refuse the user, as Identity's lockout would.</summary>
    public void LockOut(string userId)
    {
        lock (_gate)
        {
            _lockedOut.Add(userId);
        }
    }

    public LinkFlowUser? Get(string email)
    {
        lock (_gate)
        {
            return FindByEmail(email)?.ToLinkFlowUser();
        }
    }

    /// <summary>Checks a sign-in as the application would: the password of the account with this email.</summary>
    public bool HasPassword(string email, string password)
    {
        lock (_gate)
        {
            return FindByEmail(email)?.Password == password;
        }
    }

    /// <summary>The stamp now: a session started with an older one has ended, as Identity's security stamp validator decides.</summary>
    public string StampOf(string email)
    {
        lock (_gate)
        {
            return FindByEmail(email)!.Stamp;
        }
    }

    public void Delete(string userId)
    {
        lock (_gate)
        {
            _byId.Remove(userId);
        }
    }

    private async ValueTask PassGateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _called.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            gate.Release();
        }
    }

    private StoredUser? FindByEmail(string email) =>
        _byId.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private sealed class StoredUser
    {
        public StoredUser(string id, string email, string password)
        {
            Id = id;
            Email = email;
            SetPassword(password);
        }

        public string Id { get; }

        public string Email { get; }

        public string Password { get; private set; } = string.Empty;

        public List<string> PasswordsSet { get; } = [];

        public bool IsActive { get; set; }

        public string Stamp { get; set; } = NewStamp();

        public void SetPassword(string password)
        {
            Password = password;
            PasswordsSet.Add(password);
        }

        public LinkFlowUser ToLinkFlowUser() => new(Id, Email, IsActive, $"{IsActive}:{Stamp}");
    }
}
