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

            browser.Navigate().GoToUrl(baseUri + "/");
            browser.FindElement(By.Id("register-email")).SendKeys(email);
            browser.FindElement(By.Id("register-password")).SendKeys("correct horse battery");
            browser.FindElement(By.Id("register")).Click();
            wait.Until(b => b.Url.EndsWith("/account/register", StringComparison.Ordinal));

            browser.Navigate().GoToUrl(baseUri + "/dev/mailbox");
            IWebElement link = wait.Until(b => b.FindElement(By.CssSelector("a.activation-link")));
            link.GetAttribute("href").Should().StartWith(baseUri + "/account/activate");
            link.Click();

            IWebElement activate = wait.Until(b => b.FindElement(By.XPath("//button[contains(., 'Activate my account')]")));
            activate.Click();
            wait.Until(b => b.FindElement(By.TagName("h1")).Text == "Your account is active");
            browser.FindElement(By.LinkText("Continue to sign in")).Click();
            wait.Until(b => b.Url == baseUri + "/");
            browser.FindElement(By.Id("login-email")).SendKeys(email);
            browser.FindElement(By.Id("login-password")).SendKeys("correct horse battery");
            browser.FindElement(By.Id("sign-in")).Click();
            wait.Until(b => b.FindElement(By.Id("email")).Text == email);

            browser.Navigate().GoToUrl(baseUri + "/me");
            wait.Until(b => b.FindElement(By.Id("email"))).Text.Should().Be(email);

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
