namespace OneTimeLink.AspNetCore;

/// <summary>Which of the flows' pages a <see cref="LinkPage"/> is.</summary>
public enum LinkPageKind
{
    /// <summary>
    /// A link that works, opened from the email: says what pressing the button will do, with one form that posts the
    /// token (and, for a reset, asks for the new password). Nothing happens until the person submits it.
    /// </summary>
    Landing,

    /// <summary>What became of a link: done (<see cref="LinkPage.Code"/> such as <c>activated</c>) or why not (<c>link_expired</c>, …).</summary>
    Outcome,

    /// <summary>The answer to a request form (register, resend, forgot password): check your email. The same whatever the account's state.</summary>
    RequestAccepted,

    /// <summary>A form that could not be accepted: <see cref="LinkPage.Errors"/> says what to correct.</summary>
    InvalidRequest,

    /// <summary>
    /// A pending passwordless sign-in, in the browser that asked: check your email, or type the code from it
    /// (<see cref="LinkPage.Form"/>). It reloads itself (<see cref="LinkPage.RefreshPath"/>) until the sign-in is
    /// approved from another device or ends.
    /// </summary>
    SignInPending,
}
