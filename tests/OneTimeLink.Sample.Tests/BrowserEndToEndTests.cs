using System.Net;
using System.Net.Sockets;
using OneTimeLink.Sample.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace OneTimeLink.Sample.Tests;

/// <summary>A person in a real browser against the sample on Kestrel: register, mailbox, link, button, sign in.</summary>
public sealed class BrowserEndToEndTests
{
    [BrowserFact]
    public async Task Person_RegistersFollowsTheEmailedLinkActivatesAndSignsIn()
    {
        int port = FreeLoopbackPort();
        string baseUri = $"http://127.0.0.1:{port}";
        await using var factory = new SampleFactory(settings: new Dictionary<string, string?> { ["UserActivation:PublicBaseUri"] = baseUri });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        string profile = Directory.CreateTempSubdirectory("onetimelink-chromium-").FullName;
        const string email = "person@example.com";

        try
        {
            using ChromeDriver browser = Browser.Start(profile);
            var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(20));

            // A click that submits a form returns before the next page replaces the DOM, so an element found
            // a moment earlier can go stale while it is read: every lookup waits and retries instead.
            wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
            IWebElement Find(By by) => wait.Until(b => b.FindElement(by));
            void WaitForText(By by, string text) => wait.Until(b => b.FindElement(by).Text == text);

            browser.Navigate().GoToUrl(baseUri + "/");
            Find(By.Id("register-email")).SendKeys(email);
            Find(By.Id("register-password")).SendKeys("correct horse battery");
            Find(By.Id("register")).Click();
            wait.Until(b => b.Url.EndsWith("/account/register", StringComparison.Ordinal));

            browser.Navigate().GoToUrl(baseUri + "/dev/mailbox");
            IWebElement link = Find(By.CssSelector("a.activation-link"));
            link.GetAttribute("href").Should().StartWith(baseUri + "/account/activate");
            link.Click();

            Find(By.XPath("//button[contains(., 'Activate my account')]")).Click();
            WaitForText(By.TagName("h1"), "Your account is active");
            Find(By.LinkText("Continue to sign in")).Click();
            wait.Until(b => b.Url == baseUri + "/");
            Find(By.Id("login-email")).SendKeys(email);
            Find(By.Id("login-password")).SendKeys("correct horse battery");
            Find(By.Id("sign-in")).Click();
            WaitForText(By.Id("email"), email);

            browser.Navigate().GoToUrl(baseUri + "/me");
            Find(By.Id("email")).Text.Should().Be(email);

            string screenshot = Path.Combine(Artifacts.Directory("screenshots"), "sample-signed-in.png");
            browser.GetScreenshot().SaveAsFile(screenshot);
            new FileInfo(screenshot).Length.Should().BeGreaterThan(1000);
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
