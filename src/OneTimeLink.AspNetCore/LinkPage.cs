namespace OneTimeLink.AspNetCore;

/// <summary>
/// Everything one page of a link flow must say and offer, handed to the <see cref="ILinkPageRenderer"/>. The texts are
/// the built-in pages' English words; an application that translates keys its own words on <see cref="Flow"/>,
/// <see cref="Kind"/> and <see cref="Code"/>, which are stable.
/// </summary>
public sealed class LinkPage
{
    /// <summary>Gets which page this is.</summary>
    public required LinkPageKind Kind { get; init; }

    /// <summary>Gets the flow the page belongs to: one of <see cref="LinkFlowNames"/>.</summary>
    public required string Flow { get; init; }

    /// <summary>
    /// Gets the stable code of what the page reports: for an outcome the same <c>code</c> as the JSON answer
    /// (<c>activated</c>, <c>already_active</c>, <c>password_reset</c>, <c>signed_in</c>, <c>approved</c>,
    /// <c>expired</c>, <c>sign_in_not_allowed</c>, <c>link_invalid</c>, <c>link_expired</c>, <c>link_used</c>,
    /// <c>link_revoked</c>, <c>store_unavailable</c>, <c>busy</c>); <c>link_valid</c> on a landing, <c>accepted</c>
    /// and <c>invalid_request</c> on the request pages; <c>pending</c> or <c>code_invalid</c> on a
    /// <see cref="LinkPageKind.SignInPending"/> page.
    /// </summary>
    public required string Code { get; init; }

    /// <summary>
    /// Gets whether the page reports good news: a link that works (a landing), a flow's action done (an outcome such as
    /// <c>activated</c>), a request accepted. False for refusals, which a landing reports with status 200 all the same.
    /// </summary>
    public required bool Succeeded { get; init; }

    /// <summary>Gets the HTTP status the page is answered with.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets the page's title, such as "Activate your account".</summary>
    public required string Title { get; init; }

    /// <summary>Gets the page's message, one or two sentences.</summary>
    public required string Message { get; init; }

    /// <summary>Gets when the link stops working, on a landing page; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the page's main form: on a landing page the one that uses the link; otherwise <see langword="null"/>.</summary>
    public LinkPageForm? Form { get; init; }

    /// <summary>
    /// Gets the form that asks for a new link by email, when the link was genuine but can no longer be used (expired, used,
    /// replaced); otherwise <see langword="null"/>.
    /// </summary>
    public LinkPageForm? NewLinkForm { get; init; }

    /// <summary>Gets where the person signs in next, once the flow is done and a sign-in path is configured; otherwise <see langword="null"/>.</summary>
    public string? SignInPath { get; init; }

    /// <summary>
    /// Gets the path the page reloads itself from after <see cref="RefreshAfter"/>, without script (a
    /// <c>&lt;meta http-equiv="refresh"&gt;</c>), on a <see cref="LinkPageKind.SignInPending"/> page; otherwise <see langword="null"/>.
    /// </summary>
    public string? RefreshPath { get; init; }

    /// <summary>Gets how long the page waits before reloading from <see cref="RefreshPath"/>.</summary>
    public TimeSpan RefreshAfter { get; init; }

    /// <summary>Gets what to correct, by form field name, on an <see cref="LinkPageKind.InvalidRequest"/> page or a landing shown again; otherwise empty.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
