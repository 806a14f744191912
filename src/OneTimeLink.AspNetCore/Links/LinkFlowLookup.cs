namespace OneTimeLink.AspNetCore.Links;

/// <summary>
/// The user the state check of one link found, kept for the flow's own use of the same request, so checking a link
/// and acting on it cost the application's store one lookup, not two. The core runs the state check in a DI scope of
/// its own, so the user travels back through an <see cref="AsyncLocal{T}"/> set by the request's handler and seen by
/// the state provider it awaits.
/// </summary>
internal sealed class LinkFlowLookup
{
    private static readonly AsyncLocal<LinkFlowLookup?> s_current = new();

    private LinkFlowUser? _user;
    private bool _done;

    /// <summary>Starts recording the lookups of the calling request; the recording ends with the calling async method.</summary>
    public static LinkFlowLookup Start()
    {
        var lookup = new LinkFlowLookup();
        s_current.Value = lookup;
        return lookup;
    }

    /// <summary>Gets the user the state check found; <see langword="null"/> when it found none or has not run.</summary>
    public LinkFlowUser? Found => _done ? _user : null;

    /// <summary>Records the result of a lookup by id, when a request is recording.</summary>
    public static void Record(LinkFlowUser? user)
    {
        if (s_current.Value is { } lookup)
        {
            lookup._user = user;
            lookup._done = true;
        }
    }

    /// <summary>The user with <paramref name="userId"/>: the one the state check found, or a lookup when it found none.</summary>
    public ValueTask<LinkFlowUser?> FindAsync(ILinkFlowUserStore store, string userId, CancellationToken cancellationToken) =>
        _done && (_user is null || string.Equals(_user.Id, userId, StringComparison.Ordinal))
            ? ValueTask.FromResult(_user)
            : store.FindByIdAsync(userId, cancellationToken);
}
