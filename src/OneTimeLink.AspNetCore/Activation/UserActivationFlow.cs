using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeLink.AspNetCore.Configuration;
using OneTimeLink.AspNetCore.Diagnostics;
using OneTimeLink.AspNetCore.Flows;
using OneTimeLink.AspNetCore.Http;
using OneTimeLink.AspNetCore.Links;

namespace OneTimeLink.AspNetCore.Activation;

/// <summary>
/// Account activation on the shared pipeline: <c>register</c> and <c>resend-activation</c> send links, <c>activate</c>
/// redeems one. Registering an address whose account is still inactive replaces the pending registration, so whoever
/// registered first cannot keep their password on someone else's address.
/// </summary>
internal sealed class UserActivationFlow : LinkFlow
{
    public static readonly LinkOutcome Activated = new("activated", StatusCodes.Status200OK, "Your account is active", "You can sign in now.");

    public static readonly LinkOutcome AlreadyActive = new("already_active", StatusCodes.Status200OK, "Your account is already active", "There is nothing more to do: you can sign in.");

    private readonly IOptions<UserActivationOptions> _options;
    private readonly ILogger _logger;

    public UserActivationFlow(LinkFlowPurpose<UserActivationFlow> purpose, IOptions<UserActivationOptions> options, ILogger<UserActivationFlow> logger)
        : base(LinkFlowNames.Activation, purpose.Name)
    {
        _options = options;
        _logger = logger;
        Requests =
        [
            new LinkRequest("Register", "/register", "Registers an inactive account and emails its activation link; the same answer whether or not the address is taken.", typeof(RegisterRequest), TakesPassword: true, RegisterAsync),
            new LinkRequest("ResendActivation", "/resend-activation", "Emails a new activation link to an inactive account, superseding the older ones; the same answer whatever the account's state.", typeof(EmailRequest), TakesPassword: false, ResendAsync),
        ];
        Confirm = new LinkConfirm(
            "Activate",
            "/activate",
            "Shows what an activation link would do, consuming nothing: an HTML page with a confirm button, or JSON.",
            "Redeems an activation link and activates the account.",
            typeof(TokenRequest),
            "Activate your account",
            "Press the button to activate your account.",
            "Activate my account",
            TakesPassword: false);
    }

    public override LinkFlowOptions Options => _options.Value;

    public override PasswordRule PasswordRule => new(_options.Value.PasswordMinLength, _options.Value.PasswordMaxLength);

    public override string EndpointNamePrefix => "UserActivation";

    public override string LinkNoun => "activation link";

    public override string NewLinkPath => "/resend-activation";

    public override IReadOnlyList<LinkRequest> Requests { get; }

    public override LinkConfirm Confirm { get; }

    public override bool RetriesWhileStateUnchanged => true;

    /// <summary>A genuine link that no longer works because the account was activated meanwhile answers "already active", not an error.</summary>
    public override async ValueTask<LinkOutcome?> RecognizeRefusalAsync(
        LinkValidationResult refused,
        LinkFlowLookup lookup,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (refused.Failure is LinkFailure.Expired or LinkFailure.AlreadyRedeemed or LinkFailure.StateChanged
            && refused.Subject is { } subject
            && await lookup.FindAsync(services.GetRequiredService<IUserActivationStore>(), subject, cancellationToken).ConfigureAwait(false) is { IsActive: true })
        {
            Log.AlreadyActive(_logger, refused.TokenId, subject);
            return AlreadyActive;
        }

        return null;
    }

    public override async ValueTask<LinkOutcome> ConfirmAsync(LinkConfirmation confirmation)
    {
        IUserActivationStore store = confirmation.Services.GetRequiredService<IUserActivationStore>();
        if (await confirmation.Lookup.FindAsync(store, confirmation.UserId, confirmation.CancellationToken).ConfigureAwait(false) is null)
        {
            // The account was deleted: as far as the link is concerned, its state changed.
            return LinkOutcome.LinkRevoked;
        }

        if (!await store.ActivateAsync(confirmation.UserId, confirmation.CancellationToken).ConfigureAwait(false))
        {
            Log.AlreadyActive(_logger, confirmation.TokenId, confirmation.UserId);
            return AlreadyActive;
        }

        Log.UserActivated(_logger, confirmation.UserId, confirmation.TokenId);
        return Activated;
    }

    private async ValueTask RegisterAsync(LinkRequestWork work)
    {
        IUserActivationStore store = work.Services.GetRequiredService<IUserActivationStore>();
        string password = work.Password!;

        LinkFlowUser? user = await store.FindByEmailAsync(work.Email, work.CancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            user = await store.CreateInactiveUserAsync(work.Email, password, work.CancellationToken).ConfigureAwait(false);
            if (user is not null)
            {
                Log.UserRegistered(_logger, user.Id);
                if (await work.TryClaimMailAsync(user).ConfigureAwait(false))
                {
                    await SendLinkAsync(work, user).ConfigureAwait(false);
                }

                return;
            }

            // Another registration of this address won the race: carry on as for a taken address.
            user = await store.FindByEmailAsync(work.Email, work.CancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return;
            }
        }

        if (!await work.TryClaimMailAsync(user).ConfigureAwait(false))
        {
            return;
        }

        if (!user.IsActive && await store.ReplacePendingRegistrationAsync(user.Id, password, work.CancellationToken).ConfigureAwait(false))
        {
            Log.PendingRegistrationReplaced(_logger, user.Id);
            await SendLinkAsync(work, user).ConfigureAwait(false);
            return;
        }

        Log.RegistrationForExistingUser(_logger, user.Id);
        await work.Services.GetRequiredService<IActivationLinkSender>().SendAccountExistsNoticeAsync(user, work.CancellationToken).ConfigureAwait(false);
        work.CountSent("account-exists");
        Log.NoticeSent(_logger, user.Id, "account-exists");
    }

    private async ValueTask ResendAsync(LinkRequestWork work)
    {
        IUserActivationStore store = work.Services.GetRequiredService<IUserActivationStore>();
        LinkFlowUser? user = await store.FindByEmailAsync(work.Email, work.CancellationToken).ConfigureAwait(false);
        if (user is { IsActive: false } && await work.TryClaimMailAsync(user).ConfigureAwait(false))
        {
            await store.RenewStateAsync(user.Id, work.CancellationToken).ConfigureAwait(false);
            Log.ActivationLinksRenewed(_logger, user.Id);
            await SendLinkAsync(work, user).ConfigureAwait(false);
        }
    }

    private async ValueTask SendLinkAsync(LinkRequestWork work, LinkFlowUser user)
    {
        LinkForMail link = await work.IssueLinkAsync(user).ConfigureAwait(false);
        await work.Services.GetRequiredService<IActivationLinkSender>().SendActivationLinkAsync(user, link.Link, link.ExpiresAt, work.CancellationToken).ConfigureAwait(false);
        work.CountSent("activation");
        Log.LinkSent(_logger, LinkFlowNames.Activation, user.Id, link.TokenId, link.ExpiresAt);
    }
}
