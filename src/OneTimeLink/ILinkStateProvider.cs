namespace OneTimeLink;

/// <summary>
/// Reports the current state of a link's subject (for example a security stamp, or "active"/"inactive"), so a token
/// dies when that state changes. Used for purposes with <see cref="LinkPurposeOptions.BindState"/> set.
/// </summary>
/// <remarks>
/// The token carries only a keyed hash of the state, never the state itself. Resolved from a new service scope for
/// every lookup, so an implementation may depend on scoped services such as a <c>DbContext</c>.
/// </remarks>
public interface ILinkStateProvider
{
    /// <summary>Gets the subject's current state for <paramref name="purpose"/>.</summary>
    /// <param name="purpose">The link's purpose.</param>
    /// <param name="subject">The link's subject.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Any string that changes when links issued before should stop working; <see langword="null"/> when the subject does not exist.</returns>
    ValueTask<string?> GetStateAsync(string purpose, string subject, CancellationToken cancellationToken);
}
