using System.Collections.Concurrent;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>A sender for every flow that keeps what it was asked to send.</summary>
internal sealed class CapturingLinkSender : IActivationLinkSender, IPasswordResetLinkSender, IMagicLinkSender
{
    private readonly ConcurrentQueue<SentLink> _links = new();
    private readonly ConcurrentQueue<LinkFlowUser> _notices = new();
    private readonly ConcurrentQueue<LinkFlowUser> _passwordChanged = new();

    /// <summary>Gets the activation links sent.</summary>
    public IReadOnlyList<SentLink> Links => [.. _links.Where(l => l.Kind == SentLink.Activation)];

    /// <summary>Gets the password reset links sent.</summary>
    public IReadOnlyList<SentLink> ResetLinks => [.. _links.Where(l => l.Kind == SentLink.PasswordReset)];

    /// <summary>Gets the sign-in links sent, each with its code.</summary>
    public IReadOnlyList<SentLink> SignInLinks => [.. _links.Where(l => l.Kind == SentLink.SignIn)];

    /// <summary>Gets the account-exists notices sent.</summary>
    public IReadOnlyList<LinkFlowUser> Notices => [.. _notices];

    /// <summary>Gets the password-changed notices sent.</summary>
    public IReadOnlyList<LinkFlowUser> PasswordChangedNotices => [.. _passwordChanged];

    public int Count => _links.Count + _notices.Count + _passwordChanged.Count;

    public ValueTask SendActivationLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _links.Enqueue(new SentLink(SentLink.Activation, user, link, expiresAt));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendAccountExistsNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken)
    {
        _notices.Enqueue(user);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendPasswordResetLinkAsync(LinkFlowUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _links.Enqueue(new SentLink(SentLink.PasswordReset, user, link, expiresAt));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendSignInLinkAsync(LinkFlowUser user, Uri link, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _links.Enqueue(new SentLink(SentLink.SignIn, user, link, expiresAt, code));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendPasswordChangedNoticeAsync(LinkFlowUser user, CancellationToken cancellationToken)
    {
        _passwordChanged.Enqueue(user);
        return ValueTask.CompletedTask;
    }

    /// <summary>The last activation link sent to <paramref name="email"/>.</summary>
    public SentLink LastLinkTo(string email) =>
        Links.Last(l => string.Equals(l.User.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The last password reset link sent to <paramref name="email"/>.</summary>
    public SentLink LastResetLinkTo(string email) =>
        ResetLinks.Last(l => string.Equals(l.User.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The last sign-in link sent to <paramref name="email"/>.</summary>
    public SentLink LastSignInLinkTo(string email) =>
        SignInLinks.Last(l => string.Equals(l.User.Email, email, StringComparison.OrdinalIgnoreCase));
}
