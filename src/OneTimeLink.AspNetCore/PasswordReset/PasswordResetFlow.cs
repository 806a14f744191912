using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.PasswordReset;

/// <summary>
/// Password reset on the shared pipeline: <c>forgot-password</c> sends a link to an existing account, and
/// <c>reset-password</c> sets the new password once the store accepts it. The new password is checked before the link
/// is redeemed, so a refused password never uses it up; the reset changes the security stamp, which ends the user's
/// other sessions and every other reset link.
/// </summary>
internal sealed class PasswordResetFlow : LinkFlow
{
    public static readonly LinkOutcome PasswordReset = new(
        "password_reset",
        StatusCodes.Status200OK,
        "Your password was changed",
        "Sign in with your new password. You were signed out everywhere else.");

    private readonly IOptions<PasswordResetOptions> _options;
    private readonly LinkFlowMetrics _metrics;
    private readonly ILogger _logger;

    public PasswordResetFlow(
        LinkFlowPurpose<PasswordResetFlow> purpose,
        IOptions<PasswordResetOptions> options,
        LinkFlowMetrics metrics,
        ILogger<PasswordResetFlow> logger)
        : base(LinkFlowNames.PasswordReset, purpose.Name)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
        Requests =
        [
            new LinkRequest("ForgotPassword", "/forgot-password", "Emails a password reset link to an existing account; the same answer whether or not the address has one.", typeof(EmailRequest), TakesPassword: false, ForgotPasswordAsync),
        ];
        Confirm = new LinkConfirm(
            "ResetPassword",
            "/reset-password",
            "Shows the new-password form of a reset link, consuming nothing: an HTML page, or JSON.",
            "Checks the new password, then redeems the reset link and sets it; a refused password leaves the link usable.",
            typeof(ResetPasswordRequest),
            "Choose a new password",
            "Enter your new password and press the button.",
            "Set my new password",
            TakesPassword: true);
    }

    public override LinkFlowOptions Options => _options.Value;

    public override PasswordRule PasswordRule => new(_options.Value.PasswordMinLength, _options.Value.PasswordMaxLength);

    public override string EndpointNamePrefix => "PasswordReset";

    public override string LinkNoun => "password reset link";

    public override string NewLinkPath => "/forgot-password";

    public override IReadOnlyList<LinkRequest> Requests { get; }

    public override LinkConfirm Confirm { get; }

    public override bool RetriesWhileStateUnchanged => true;

    public override ValueTask<IReadOnlyList<string>> CheckPasswordAsync(string userId, string password, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPasswordResetStore>().ValidatePasswordAsync(userId, password, cancellationToken);

    public override async ValueTask<LinkOutcome> ConfirmAsync(LinkConfirmation confirmation)
    {
        IPasswordResetStore store = confirmation.Services.GetRequiredService<IPasswordResetStore>();
        if (await confirmation.Lookup.FindAsync(store, confirmation.UserId, confirmation.CancellationToken).ConfigureAwait(false) is not { } user)
        {
            return LinkOutcome.LinkRevoked;
        }

        await store.ResetPasswordAsync(user.Id, confirmation.Password!, confirmation.CancellationToken).ConfigureAwait(false);
        Log.PasswordReset(_logger, user.Id, confirmation.TokenId);

        // Never throttled: the owner must hear of every change of their password. The password is changed by now, so a
        // failing sender must not turn the answer into "try again": the link is spent.
        try
        {
            await confirmation.Services.GetRequiredService<IPasswordResetLinkSender>().SendPasswordChangedNoticeAsync(user, confirmation.CancellationToken).ConfigureAwait(false);
            _metrics.Sent(Name, "password-changed");
            Log.NoticeSent(_logger, user.Id, "password-changed");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NoticeFailed(_logger, user.Id, "password-changed", ex.GetType().FullName ?? ex.GetType().Name);
        }

        return PasswordReset;
    }

    private async ValueTask ForgotPasswordAsync(LinkRequestWork work)
    {
        LinkFlowUser? user = await work.Services.GetRequiredService<IPasswordResetStore>().FindByEmailAsync(work.Email, work.CancellationToken).ConfigureAwait(false);
        if (user is null || !await work.TryClaimMailAsync(user).ConfigureAwait(false))
        {
            return;
        }

        LinkForMail link = await work.IssueLinkAsync(user).ConfigureAwait(false);
        await work.Services.GetRequiredService<IPasswordResetLinkSender>().SendPasswordResetLinkAsync(user, link.Link, link.ExpiresAt, work.CancellationToken).ConfigureAwait(false);
        work.CountSent("password-reset");
        Log.LinkSent(_logger, LinkFlowNames.PasswordReset, user.Id, link.TokenId, link.ExpiresAt);
    }
}
