using System.Collections.Concurrent;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>An <see cref="IActivationLinkSender"/> that keeps what it was asked to send.</summary>
internal sealed class CapturingLinkSender : IActivationLinkSender
{
    private readonly ConcurrentQueue<SentLink> _links = new();
    private readonly ConcurrentQueue<ActivationUser> _notices = new();

    public IReadOnlyList<SentLink> Links => [.. _links];

    public IReadOnlyList<ActivationUser> Notices => [.. _notices];

    public int Count => _links.Count + _notices.Count;

    public ValueTask SendActivationLinkAsync(ActivationUser user, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _links.Enqueue(new SentLink(user, link, expiresAt));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendAccountExistsNoticeAsync(ActivationUser user, CancellationToken cancellationToken)
    {
        _notices.Enqueue(user);
        return ValueTask.CompletedTask;
    }

    /// <summary>The last link sent to <paramref name="email"/>.</summary>
    public SentLink LastLinkTo(string email) =>
        Links.Last(l => string.Equals(l.User.Email, email, StringComparison.OrdinalIgnoreCase));
}
