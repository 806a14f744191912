using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>
/// Passwordless sign-in on the shared pipeline: <c>sign-in-link</c> mails one credential in two forms (a link and a code
/// sharing one token id) and binds the pending sign-in to the asking browser with the request cookie; <c>sign-in</c>
/// redeems the link — signing in only that browser, approving it from anywhere else — and the asking browser finishes
/// through <c>sign-in/status</c> or <c>sign-in/code</c> (<see cref="SignInCompletion"/>). Nobody is ever signed in in
/// a browser that did not ask, so a mail scanner, a forwarded mail or an attacker's own link mailed to a victim (login
/// CSRF) signs in no one but the person who asked.
/// </summary>
internal sealed class MagicLinkSignInFlow : LinkFlow
{
    public static readonly LinkOutcome SignedIn = new("signed_in", StatusCodes.Status200OK, "You are signed in", "Welcome back.");

    public static readonly LinkOutcome Approved = new(
        "approved",
        StatusCodes.Status200OK,
        "Sign-in approved",
        "The device where you asked to sign in is now signed in: go back to it. Nobody was signed in here.");

    public static readonly LinkOutcome Pending = new(
        "pending",
        StatusCodes.Status200OK,
        "Check your email",
        "If this address has an account, we sent it a sign-in link and a code. Open the link on any device, or type the code here.");

    public static readonly LinkOutcome Expired = new(
        "expired",
        StatusCodes.Status200OK,
        "This sign-in request has ended",
        "It expired, was used, or its code was mistyped too often. Ask for a new sign-in link.",
        offersNewLink: true);

    public static readonly LinkOutcome CodeInvalid = new(
        "code_invalid",
        StatusCodes.Status400BadRequest,
        "That code is not right",
        "That code is not right: type the 8 characters from the email you just asked for, in this browser.");

    public static readonly LinkOutcome SignInNotAllowed = new(
        "sign_in_not_allowed",
        StatusCodes.Status403Forbidden,
        "This account cannot sign in right now",
        "It may be locked for a while. Try again later, or contact us.");

    /// <summary>The link's claim naming the pending request it belongs to (its key: a hash, never the cookie's secret).</summary>
    public const string RequestClaim = "req";

    private readonly IOptions<MagicLinkSignInOptions> _options;
    private readonly IOptionsMonitor<OneTimeLinkOptions> _links;
    private readonly TimeProvider _timeProvider;
    private readonly SignInRequestCookie _cookie;
    private readonly PendingSignIns _pending;
    private readonly SignInCompletion _completion;
    private readonly ILogger _logger;

    public MagicLinkSignInFlow(
        LinkFlowPurpose<MagicLinkSignInFlow> purpose,
        IOptions<MagicLinkSignInOptions> options,
        IOptionsMonitor<OneTimeLinkOptions> links,
        TimeProvider timeProvider,
        SignInRequestCookie cookie,
        PendingSignIns pending,
        SignInCompletion completion,
        ILogger<MagicLinkSignInFlow> logger)
        : base(LinkFlowNames.MagicLinkSignIn, purpose.Name)
    {
        _options = options;
        _links = links;
        _timeProvider = timeProvider;
        _cookie = cookie;
        _pending = pending;
        _completion = completion;
        _logger = logger;
        Requests =
        [
            new LinkRequest(
                "SignInLink",
                "/sign-in-link",
                "Emails a sign-in link and code to an active account and binds the pending sign-in to this browser with a cookie; the same answer and cookie for any address.",
                typeof(EmailRequest),
                TakesPassword: false,
                SendLinkAsync,
                BeginRequest),
        ];
        Confirm = new LinkConfirm(
            "SignIn",
            "/sign-in",
            "Shows what a sign-in link would do, consuming nothing: an HTML page with one button, or JSON.",
            "Redeems a sign-in link: signs in the browser that asked for it (signed_in), or approves that browser from any other (approved).",
            typeof(TokenRequest),
            "Sign in",
            "Press the button to sign in.",
            "Sign in",
            TakesPassword: false);
        Endpoints =
        [
            new LinkFlowEndpoint(
                "SignInStatus",
                HttpMethods.Get,
                "/sign-in/status",
                "The asking browser's pending sign-in: pending, signed_in (the first call after an approval signs this browser in) or expired; as HTML, the self-refreshing \"check your email\" page with the code form.",
                BodyType: null,
                [StatusCodes.Status403Forbidden, StatusCodes.Status503ServiceUnavailable],
                completion.StatusAsync),
            new LinkFlowEndpoint(
                "SignInCode",
                HttpMethods.Post,
                "/sign-in/code",
                "Signs the asking browser in with the code from the mail; five attempts per request, the last wrong one ends the request, its code and its link.",
                typeof(SignInCodeRequest),
                [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status410Gone, StatusCodes.Status503ServiceUnavailable],
                completion.CodeAsync),
        ];
    }

    public override LinkFlowOptions Options => _options.Value;

    public MagicLinkSignInOptions SignInOptions => _options.Value;

    public override string EndpointNamePrefix => "MagicLinkSignIn";

    public override string LinkNoun => "sign-in link";

    public override string NewLinkPath => "/sign-in-link";

    public override IReadOnlyList<LinkRequest> Requests { get; }

    public override LinkConfirm Confirm { get; }

    public override IReadOnlyList<LinkFlowEndpoint> Endpoints { get; }

    public override LinkPage AcceptedPage(LinkFlowPages pages, HttpContext context, object? binding) => SignInPages.Pending(pages, this, context.Request, StatusCodes.Status202Accepted);

    /// <summary>The landing says whose sign-in it is (masked) and, before anything happens, whether this browser is the one that asked.</summary>
    public override LinkPage LandingPage(LinkFlowPages pages, HttpContext context, string token, LinkValidationResult validated, LinkFlowLookup lookup)
    {
        string who = lookup.Found is { } user ? MaskedEmail.Of(user.Email) : "your account";
        bool asked = validated.Data.TryGetValue(RequestClaim, out string? key) && _cookie.Find(context.Request, key) is not null;
        return asked
            ? pages.Landing(context.Request, token, validated.ExpiresAt, message: $"Sign in as {who} in this browser.", submitLabel: "Sign in")
            : pages.Landing(
                context.Request,
                token,
                validated.ExpiresAt,
                message: $"Sign in as {who} on the device where you asked for this link. Approve only if you asked for it yourself, a moment ago: this browser stays signed out.",
                submitLabel: "Approve the sign-in");
    }

    public override string? RedirectFor(LinkOutcome outcome, HttpRequest request) => outcome == SignedIn ? _options.Value.SignedInPath : null;

    /// <summary>A link whose request used up its code attempts was revoked then, not used: it says so.</summary>
    public override async ValueTask<LinkOutcome?> RecognizeRefusalAsync(
        LinkValidationResult refused,
        LinkFlowLookup lookup,
        IServiceProvider services,
        CancellationToken cancellationToken) =>
        refused.Failure == LinkFailure.AlreadyRedeemed
        && refused.Data.TryGetValue(RequestClaim, out string? key)
        && await _pending.IsExhaustedAsync(key, cancellationToken).ConfigureAwait(false)
            ? LinkOutcome.LinkRevoked
            : null;

    public override async ValueTask<LinkOutcome> ConfirmAsync(LinkConfirmation confirmation)
    {
        IMagicLinkSignInStore store = confirmation.Services.GetRequiredService<IMagicLinkSignInStore>();
        if (await confirmation.Lookup.FindAsync(store, confirmation.UserId, confirmation.CancellationToken).ConfigureAwait(false) is not { IsActive: true } user)
        {
            return LinkOutcome.LinkRevoked;
        }

        if (!confirmation.Link.Data.TryGetValue(RequestClaim, out string? key))
        {
            // Every sign-in link names its request; one that does not was not issued by this flow.
            return LinkOutcome.LinkInvalid;
        }

        HttpContext context = confirmation.HttpContext;
        if (_cookie.Find(context.Request, key) is not null)
        {
            return await _completion.SignInAsync(store, user, context, confirmation.TokenId, "link", confirmation.CancellationToken).ConfigureAwait(false);
        }

        await _pending.ApproveAsync(key, new SignInApproval(confirmation.TokenId, user.Id), confirmation.Link.ExpiresAt!.Value, confirmation.CancellationToken).ConfigureAwait(false);
        Log.SignInApproved(_logger, user.Id, confirmation.TokenId);
        return Approved;
    }

    /// <summary>Before the answer, for every address alike: a new pending request, named in this browser's cookie.</summary>
    private SignInRequest BeginRequest(HttpContext context)
    {
        TimeSpan lifetime = _links.CurrentValue.Purposes[Purpose].Lifetime;
        var request = SignInRequest.Create(_timeProvider.GetUtcNow() + lifetime);
        _cookie.Add(context, request);
        return request;
    }

    private async ValueTask SendLinkAsync(LinkRequestWork work)
    {
        var request = (SignInRequest)work.Binding!;
        LinkFlowUser? user = await work.Services.GetRequiredService<IMagicLinkSignInStore>().FindByEmailAsync(work.Email, work.CancellationToken).ConfigureAwait(false);

        // An inactive account gets nothing: its password was set by whoever registered, not proven by the mailbox owner.
        TimeSpan left = request.ExpiresAt - _timeProvider.GetUtcNow();
        if (user is not { IsActive: true } || left <= TimeSpan.Zero || !await work.TryClaimMailAsync(user).ConfigureAwait(false))
        {
            return;
        }

        // The link ends with the request, and names it, so the asking browser can be told from every other.
        var options = new LinkIssueOptions
        {
            Lifetime = left,
            Data = new Dictionary<string, string>(1, StringComparer.Ordinal) { [RequestClaim] = request.Key },
        };
        LinkForMail link = await work.IssueLinkAsync(user, options).ConfigureAwait(false);
        string code = SignInCode.Generate();
        await _pending.SaveAsync(request, link.TokenId, link.Token, code, work.CancellationToken).ConfigureAwait(false);
        await work.Services.GetRequiredService<IMagicLinkSender>().SendSignInLinkAsync(user, link.Link, code, link.ExpiresAt, work.CancellationToken).ConfigureAwait(false);
        work.CountSent("sign-in");
        Log.LinkSent(_logger, LinkFlowNames.MagicLinkSignIn, user.Id, link.TokenId, link.ExpiresAt);
    }
}
