using OneTimeLink.Sample.Accounts;

namespace OneTimeLink.Sample.Pages;

/// <summary>Register, sign-in (password or emailed link), forgot-password and resend forms; each posts without JavaScript.</summary>
public static class HomePage
{
    public static IResult Render(bool isDevelopment) => Html.Page(
        "Welcome",
        $"""
        <section>
          <h2>Create an account</h2>
          <form method="post" action="/account/register">
            <label for="register-email">Email</label><input id="register-email" name="email" type="email" required autocomplete="email">
            <label for="register-password">Password (at least 8 characters)</label><input id="register-password" name="password" type="password" required minlength="8" autocomplete="new-password">
            <button id="register" type="submit">Register</button>
          </form>
          <p>We email you a link to activate the account.{(isDevelopment ? " In this sample the email lands in the <a href=\"/dev/mailbox\">dev mailbox</a>." : string.Empty)}</p>
        </section>
        <section>
          <h2>Sign in</h2>
          <form method="post" action="/login">
            <label for="login-email">Email</label><input id="login-email" name="email" type="email" required autocomplete="email">
            <label for="login-password">Password</label><input id="login-password" name="password" type="password" required autocomplete="current-password">
            <button id="sign-in" type="submit">Sign in</button>
          </form>
        </section>
        <section>
          <h2>Sign in with an emailed link</h2>
          <form method="post" action="/account/sign-in-link">
            <label for="magic-email">Email</label><input id="magic-email" name="email" type="email" required autocomplete="email">
            <button id="magic-link" type="submit">Email me a sign-in link</button>
          </form>
          <p>No password needed: open the link on any device, or type the code from the same email here. Only this browser gets signed in.</p>
        </section>
        <section>
          <h2>Forgot your password?</h2>
          <form method="post" action="/account/forgot-password">
            <label for="forgot-email">Email</label><input id="forgot-email" name="email" type="email" required autocomplete="email">
            <button id="forgot" type="submit">Email me a reset link</button>
          </form>
          <p>The link lets you choose a new password (at least 8 characters). {Html.Encode(SamplePasswordPolicy.Description)} Resetting signs you out everywhere else.</p>
        </section>
        <section>
          <h2>Lost the activation email?</h2>
          <form method="post" action="/account/resend-activation">
            <label for="resend-email">Email</label><input id="resend-email" name="email" type="email" required autocomplete="email">
            <button id="resend" type="submit">Send a new link</button>
          </form>
        </section>
        """);
}
