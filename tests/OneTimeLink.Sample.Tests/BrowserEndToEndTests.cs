using System.Net;
using System.Net.Sockets;
using OneTimeLink.Sample.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace OneTimeLink.Sample.Tests;

/// <summary>
/// A person in a real browser against the sample on Kestrel: register, mailbox, link, button, sign in, sign out, forgot
/// the password, reset it, sign in with the new one. Screenshots of each flow page go to <c>artifacts/screenshots</c>.
/// </summary>
public sealed class BrowserEndToEndTests
{
    private const string Email = "person@example.com";
    private const string Password = "correct horse battery";
    private const string NewPassword = "a brand new secret";

    [BrowserFact]
    public async Task Person_RegistersActivatesSignsInAndOut_ThenResetsTheForgottenPassword_AndSignsInWithTheNewOne()
    {
        int port = FreeLoopbackPort();
        string baseUri = $"http://127.0.0.1:{port}";
        await using var factory = new SampleFactory(settings: new Dictionary<string, string?> { ["LinkFlows:PublicBaseUri"] = baseUri });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        string profile = Directory.CreateTempSubdirectory("onetimelink-chromium-").FullName;
        string screenshots = Artifacts.Directory("screenshots");

        try
        {
            using ChromeDriver browser = Browser.Start(profile);
            var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(20));

            // A click that submits a form returns before the next page replaces the DOM, so an element found
            // a moment earlier can go stale while it is read: every lookup waits and retries instead.
            wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
            IWebElement Find(By by) => wait.Until(b => b.FindElement(by));
            void WaitForText(By by, string text) => wait.Until(b => b.FindElement(by).Text == text);
            void Screenshot(string name)
            {
                string path = Path.Combine(screenshots, $"sample-{name}.png");
                browser.GetScreenshot().SaveAsFile(path);
                new FileInfo(path).Length.Should().BeGreaterThan(1000);
            }

            // The mail is written a moment after the form was answered: reload the mailbox, as a person would, until it is there.
            IWebElement WaitForMailLink(string kind) => wait.Until(b =>
            {
                b.Navigate().GoToUrl(baseUri + "/dev/mailbox");
                return b.FindElements(By.CssSelector($"a.{kind}-link")).FirstOrDefault();
            });

            void SignIn(string password)
            {
                Find(By.Id("login-email")).SendKeys(Email);
                Find(By.Id("login-password")).SendKeys(password);
                Find(By.Id("sign-in")).Click();
                WaitForText(By.Id("email"), Email);
            }

            // Register, and activate with the emailed link.
            browser.Navigate().GoToUrl(baseUri + "/");
            Find(By.Id("register-email")).SendKeys(Email);
            Find(By.Id("register-password")).SendKeys(Password);
            Find(By.Id("register")).Click();
            WaitForText(By.TagName("h1"), "Check your email");
            Screenshot("1-check-your-email");

            IWebElement activation = WaitForMailLink("activation");
            activation.GetAttribute("href").Should().StartWith(baseUri + "/account/activate");
            activation.Click();
            WaitForText(By.TagName("h1"), "Activate your account");
            Screenshot("2-activation-landing");
            Find(By.XPath("//button[contains(., 'Activate my account')]")).Click();
            WaitForText(By.TagName("h1"), "Your account is active");
            Screenshot("3-activated");

            // Sign in, then out.
            Find(By.LinkText("Continue to sign in")).Click();
            wait.Until(b => b.Url == baseUri + "/");
            SignIn(Password);
            browser.Navigate().GoToUrl(baseUri + "/me");
            Find(By.Id("email")).Text.Should().Be(Email);
            Screenshot("4-signed-in");
            Find(By.Id("sign-out")).Click();
            wait.Until(b => b.Url == baseUri + "/");
            browser.Navigate().GoToUrl(baseUri + "/me");
            WaitForText(By.TagName("h1"), "Not signed in");

            // Forgot the password: ask for a link, refuse a common password, then set a new one.
            browser.Navigate().GoToUrl(baseUri + "/");
            Find(By.Id("forgot-email")).SendKeys(Email);
            Find(By.Id("forgot")).Click();
            WaitForText(By.TagName("h1"), "Check your email");

            IWebElement reset = WaitForMailLink("password-reset");
            string resetLink = reset.GetAttribute("href")!;
            resetLink.Should().StartWith(baseUri + "/account/reset-password");
            reset.Click();
            WaitForText(By.TagName("h1"), "Choose a new password");
            Find(By.Name("password")).GetAttribute("autocomplete").Should().Be("new-password");
            Screenshot("5-reset-landing");

            Find(By.Name("password")).SendKeys("password1");
            Find(By.XPath("//button[contains(., 'Set my new password')]")).Click();
            wait.Until(b => b.FindElement(By.CssSelector("[role=alert]")).Text.Contains("most common", StringComparison.Ordinal));
            Screenshot("6-reset-refused");

            Find(By.Name("password")).SendKeys(NewPassword);
            Find(By.XPath("//button[contains(., 'Set my new password')]")).Click();
            WaitForText(By.TagName("h1"), "Your password was changed");
            Screenshot("7-password-changed");

            // The link is spent: opened again, it says so and offers a new one.
            browser.Navigate().GoToUrl(resetLink);
            WaitForText(By.TagName("h2"), "Get a new link");
            Find(By.XPath("//form[@action='/account/forgot-password']//input[@name='email']"));
            Screenshot("8-reset-link-used");

            // Sign in with the new password.
            browser.Navigate().GoToUrl(baseUri + "/");
            SignIn(NewPassword);
            browser.Navigate().GoToUrl(baseUri + "/me");
            Find(By.Id("email")).Text.Should().Be(Email);
            Screenshot("9-signed-in-with-the-new-password");

            WaitForMailLink("password-reset");
            browser.FindElement(By.TagName("body")).Text.Should().Contain("Your password was changed", "the notice is in the mailbox");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
