using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OneTimeLink.AspNetCore.Tests.Infrastructure;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>
/// Passwordless sign-in end to end, with real authentication cookies and one cookie jar per browser: only the browser
/// that asked is ever signed in; any other browser that opens the link approves it.
/// </summary>
public sealed class MagicLinkSignInTests
{
    private const string Email = "ann@example.com";
    private const string RequestCookie = "__Host-otl-sign-in";

    [Fact]
    public async Task SameBrowser_LinkSignsItIn_AndTheSameLinkAgainIs410()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();

        SentLink sent = await RequestLinkAsync(app, browser);
        using HttpResponseMessage confirmed = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });

        (await confirmed.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("signed_in");
        confirmed.ShouldHaveSecurityHeaders();
        (await WhoAsync(browser)).Should().Be(ann.Id);
        browser.Cookie(RequestCookie).Should().BeNull("a browser that signed in has no request left to wait on");
        using HttpResponseMessage again = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });
        JsonElement problem = await again.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_used");
        problem.GetProperty("resend").GetString().Should().Be("https://app.example/account/sign-in-link");
    }

    [Fact]
    public async Task OtherDevice_ConfirmApprovesTheAskingBrowser_WhichAloneSignsIn_Once()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser laptop = app.NewBrowser();
        using TestBrowser phone = app.NewBrowser();
        using TestBrowser stranger = app.NewBrowser();

        SentLink sent = await RequestLinkAsync(app, laptop);
        (await StatusAsync(laptop)).Should().Be("pending");
        using HttpResponseMessage approved = await phone.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });

        (await approved.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("approved");
        (await WhoAsync(phone)).Should().BeNull("the device that opened the link is not signed in");
        (await StatusAsync(stranger)).Should().Be("expired", "a browser without the request cookie has no pending sign-in");
        (await WhoAsync(stranger)).Should().BeNull();
        (await StatusAsync(laptop)).Should().Be("signed_in");
        (await WhoAsync(laptop)).Should().Be(ann.Id);
        (await StatusAsync(laptop)).Should().Be("expired", "an approval signs in one browser, once");
    }

    [Fact]
    public async Task ApprovalPage_OnTheOtherDevice_SaysTheAskingDeviceIsSignedIn()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser laptop = app.NewBrowser();
        using TestBrowser phone = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, laptop);

        string landing = await (await phone.Client.GetAsync(sent.PathAndQuery)).ShouldBeHtmlAsync(HttpStatusCode.OK);
        using HttpResponseMessage confirmed = await phone.Client.PostAsync(
            "/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = sent.Token }));

        landing.Should().Contain("a&#x2022;&#x2022;&#x2022;@example.com").And.Contain("Approve the sign-in").And.NotContain(Email);
        string page = await confirmed.ShouldBeHtmlAsync(HttpStatusCode.OK);
        page.Should().Contain("Sign-in approved").And.Contain("is now signed in: go back to it");
    }

    [Fact]
    public async Task Landing_InTheAskingBrowser_OffersToSignInHere_AndAFormPostSignsInAndRedirects()
    {
        await using TestApp app = await TestApp.StartAsync(signIn: o => o.SignedInPath = "/dashboard");
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);

        string landing = await (await browser.Client.GetAsync(sent.PathAndQuery)).ShouldBeHtmlAsync(HttpStatusCode.OK);
        using HttpResponseMessage confirmed = await browser.Client.PostAsync(
            "/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = sent.Token }));

        landing.Should().Contain("Sign in as a&#x2022;&#x2022;&#x2022;@example.com in this browser.");
        confirmed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        confirmed.Headers.Location!.OriginalString.Should().Be("/dashboard");
        (await WhoAsync(browser)).Should().Be(ann.Id);
    }

    [Fact]
    public async Task Code_RightCodeSignsIn_AnyCaseAndSpacing_AndUsesTheLinkUp()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);

        sent.Code.Should().MatchRegex("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$");
        string typed = sent.Code![..4].ToLowerInvariant() + " " + sent.Code[4..];
        using HttpResponseMessage signedIn = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = typed });

        (await signedIn.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("signed_in");
        (await WhoAsync(browser)).Should().Be(ann.Id);
        using TestBrowser other = app.NewBrowser();
        using HttpResponseMessage link = await other.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });
        await link.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_used");
    }

    [Fact]
    public async Task Code_FiveWrongCodes_EndTheRequest_TheCode_AndTheLink()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using var exhausted = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), "OneTimeLink", "onetimelink.flow.codes_exhausted");
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);
        string wrong = WrongCode(sent.Code!);

        for (int attempt = 1; attempt <= 4; attempt++)
        {
            using HttpResponseMessage refused = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = wrong });
            await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code_invalid");
        }

        using HttpResponseMessage fifth = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = wrong });
        using HttpResponseMessage rightCodeAfterwards = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = sent.Code });
        using HttpResponseMessage linkAfterwards = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });

        await fifth.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        await rightCodeAfterwards.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        await linkAfterwards.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        (await StatusAsync(browser)).Should().Be("expired");
        (await WhoAsync(browser)).Should().BeNull();
        exhausted.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["onetimelink.flow"].Should().Be("sign-in");
    }

    [Fact]
    public async Task Code_WithoutTheRequestCookie_IsRefused_AndCountsNothingAgainstTheRequest()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser asking = app.NewBrowser();
        using TestBrowser other = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, asking);

        for (int attempt = 1; attempt <= 6; attempt++)
        {
            using HttpResponseMessage refused = await other.Client.PostAsJsonAsync("/account/sign-in/code", new { code = sent.Code });
            await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code_invalid");
        }

        for (int attempt = 1; attempt <= 4; attempt++)
        {
            using HttpResponseMessage wrong = await asking.Client.PostAsJsonAsync("/account/sign-in/code", new { code = WrongCode(sent.Code!) });
            await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code_invalid");
        }

        using HttpResponseMessage right = await asking.Client.PostAsJsonAsync("/account/sign-in/code", new { code = sent.Code });
        (await right.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("signed_in", "the other browser's codes were no attempts on this request");
        (await WhoAsync(asking)).Should().Be(ann.Id);
        (await WhoAsync(other)).Should().BeNull();
    }

    [Fact]
    public async Task LoginCsrf_AttackersLinkConfirmedInTheVictimsBrowser_LeavesTheVictimsSessionAsItWas()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser victim = app.Store.AddActiveUser("victim@example.com");
        app.Store.AddActiveUser("mallory@example.com");
        using TestBrowser victimsBrowser = app.NewBrowser();
        using TestBrowser attackersBrowser = app.NewBrowser();
        SentLink victimsOwn = await RequestLinkAsync(app, victimsBrowser, "victim@example.com");
        using (HttpResponseMessage signedIn = await victimsBrowser.Client.PostAsJsonAsync("/account/sign-in", new { token = victimsOwn.Token }))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        app.Time.Advance(TimeSpan.FromMinutes(2));
        SentLink attackers = await RequestLinkAsync(app, attackersBrowser, "mallory@example.com");
        string landing = await (await victimsBrowser.Client.GetAsync(attackers.PathAndQuery)).ShouldBeHtmlAsync(HttpStatusCode.OK);
        using HttpResponseMessage confirmed = await victimsBrowser.Client.PostAsJsonAsync("/account/sign-in", new { token = attackers.Token });

        landing.Should().Contain("this browser stays signed out");
        (await confirmed.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("approved");
        (await WhoAsync(victimsBrowser)).Should().Be(victim.Id, "the victim's browser did not ask for the attacker's link, so it is not signed in with it");
    }

    [Fact]
    public async Task UnknownAndInactiveAddresses_GetTheSameAnswerAndCookie_NoMail_PendingThenExpired()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        SentLink pending = await app.RegisterAsync("inactive@example.com");
        pending.User.IsActive.Should().BeFalse();
        int mailBefore = app.Sender.Count;

        var answers = new List<(HttpStatusCode Status, string Body, string? Cookie)>();
        foreach (string email in new[] { Email, "nobody@example.com", "inactive@example.com" })
        {
            using TestBrowser browser = app.NewBrowser();
            using HttpResponseMessage response = await browser.Client.PostAsJsonAsync("/account/sign-in-link", new { email });
            string setCookie = response.Headers.GetValues("Set-Cookie").Single();
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), System.Text.RegularExpressions.Regex.Replace(setCookie, "^([^=]+)=[^;]+;|max-age=[0-9]+", m => m.Value.StartsWith("max-age", StringComparison.Ordinal) ? "max-age=…" : m.Groups[1].Value + "=…;")));
            (await StatusAsync(browser)).Should().Be("pending");
            app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
            (await StatusAsync(browser)).Should().Be("expired");
        }

        answers.Select(a => a.Status).Should().AllBeEquivalentTo(HttpStatusCode.Accepted);
        answers.Select(a => a.Body).Distinct().Should().ContainSingle();
        answers.Select(a => a.Cookie).Distinct().Should().ContainSingle()
            .Which.Should().StartWith(RequestCookie + "=…;").And.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/");
        app.Sender.SignInLinks.Should().ContainSingle().Which.User.Email.Should().Be(Email, "only the active account gets mail");
        app.Sender.Count.Should().Be(mailBefore + 1);
    }

    [Fact]
    public async Task UnknownAddress_FiveCodes_EndTheRequestAsForAnAccount()
    {
        await using TestApp app = await TestApp.StartAsync();
        using TestBrowser browser = app.NewBrowser();
        using (HttpResponseMessage requested = await browser.Client.PostAsJsonAsync("/account/sign-in-link", new { email = "nobody@example.com" }))
        {
            requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var codes = new List<string>();
        for (int attempt = 1; attempt <= 6; attempt++)
        {
            using HttpResponseMessage response = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = "ABCD2345" });
            codes.Add((await response.ReadJsonAsync()).GetProperty("code").GetString()!);
        }

        codes.Should().Equal("code_invalid", "code_invalid", "code_invalid", "code_invalid", "link_revoked", "link_revoked");
        (await StatusAsync(browser)).Should().Be("expired");
    }

    [Fact]
    public async Task FormPost_GetsTheCheckYourEmailPage_ThatRefreshesItselfAndHoldsTheCodeForm()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();

        using HttpResponseMessage response = await browser.Client.PostAsync(
            "/account/sign-in-link",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = Email }));
        string page = await response.ShouldBeHtmlAsync(HttpStatusCode.Accepted);
        string status = await (await browser.Client.GetAsync("/account/sign-in/status")).ShouldBeHtmlAsync(HttpStatusCode.OK);

        foreach (string html in new[] { page, status })
        {
            html.Should().Contain("Check your email")
                .And.Contain("<meta http-equiv=\"refresh\" content=\"10;url=/account/sign-in/status\">")
                .And.Contain("<form method=\"post\" action=\"/account/sign-in/code\">")
                .And.Contain("autocomplete=\"one-time-code\"")
                .And.NotContain("<script");
        }
    }

    [Fact]
    public async Task CodeForm_WrongCode_ShowsTheFormAgain_RightCodeRedirects()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);

        using HttpResponseMessage wrong = await browser.Client.PostAsync("/account/sign-in/code", Form(WrongCode(sent.Code!)));
        using HttpResponseMessage right = await browser.Client.PostAsync("/account/sign-in/code", Form(sent.Code!));

        (await wrong.ShouldBeHtmlAsync(HttpStatusCode.BadRequest)).Should().Contain("That code is not right").And.Contain("action=\"/account/sign-in/code\"");
        right.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        right.Headers.Location!.OriginalString.Should().Be("/");
        (await WhoAsync(browser)).Should().Be(ann.Id);

        static FormUrlEncodedContent Form(string code) => new(new Dictionary<string, string> { ["code"] = code });
    }

    [Fact]
    public async Task ApprovedStatusPage_RedirectsTheAskingBrowserOnceSignedIn()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser laptop = app.NewBrowser();
        using TestBrowser phone = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, laptop);
        (await phone.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token })).Dispose();

        using HttpResponseMessage status = await laptop.Client.GetAsync("/account/sign-in/status");

        status.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        status.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task OlderLink_FromTheSameBrowser_StillSignsItIn()
    {
        await using TestApp app = await TestApp.StartAsync(signIn: o => o.EmailThrottleWindow = TimeSpan.Zero);
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink first = await RequestLinkAsync(app, browser);
        await RequestLinkAsync(app, browser);

        using HttpResponseMessage confirmed = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = first.Token });

        (await confirmed.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("signed_in");
        (await WhoAsync(browser)).Should().Be(ann.Id);
    }

    [Fact]
    public async Task LockedOutAccount_IsNotSignedIn_AndTheAnswerSaysWhy()
    {
        await using TestApp app = await TestApp.StartAsync();
        LinkFlowUser ann = app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);
        app.Store.LockOut(ann.Id);

        using HttpResponseMessage confirmed = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });

        await confirmed.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sign_in_not_allowed");
        (await WhoAsync(browser)).Should().BeNull();
    }

    [Fact]
    public async Task StateChange_AfterTheMail_KillsTheLinkAndTheCode()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);
        await app.Store.RenewStateAsync(sent.User.Id, default);

        using HttpResponseMessage code = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = sent.Code });
        using HttpResponseMessage link = await browser.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token });

        await code.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        await link.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
        (await WhoAsync(browser)).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBB.CCCC.DDDD")]
    [InlineData("%00%ff")]
    public async Task ForgedRequestCookie_IsNoRequest_AndNothingThrows(string value)
    {
        await using TestApp app = await TestApp.StartAsync();
        using TestBrowser browser = app.NewBrowser();
        browser.Cookies.Add(new Uri("https://localhost/"), new Cookie(RequestCookie, value, "/") { Secure = true });

        (await StatusAsync(browser)).Should().Be("expired");
        using HttpResponseMessage code = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = "ABCD2345" });
        await code.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code_invalid");
    }

    [Fact]
    public async Task ConcurrentCodeGuesses_NeverGetMoreThanFiveChecked()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser browser = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, browser);
        string wrong = WrongCode(sent.Code!);

        HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = wrong })));
        string[] codes = await Task.WhenAll(answers.Select(async a => (await a.ReadJsonAsync()).GetProperty("code").GetString()!));

        codes.Count(c => c == "code_invalid").Should().Be(4);
        codes.Count(c => c == "link_revoked").Should().Be(196);
        app.Logs.GetSnapshot().Count(r => r.Id.Name == "SignInCodeRefused").Should().Be(5, "only five codes were ever checked");
        using HttpResponseMessage right = await browser.Client.PostAsJsonAsync("/account/sign-in/code", new { code = sent.Code });
        await right.ShouldBeProblemAsync(HttpStatusCode.Gone, "link_revoked");
    }

    [Fact]
    public async Task NoLogLine_HoldsTheAddress_TheLink_OrTheCode()
    {
        await using TestApp app = await TestApp.StartAsync();
        app.Store.AddActiveUser(Email);
        using TestBrowser laptop = app.NewBrowser();
        using TestBrowser phone = app.NewBrowser();
        SentLink sent = await RequestLinkAsync(app, laptop);
        string cookie = laptop.Cookie(RequestCookie)!;
        (await laptop.Client.PostAsJsonAsync("/account/sign-in/code", new { code = WrongCode(sent.Code!) })).Dispose();
        (await phone.Client.GetAsync(sent.PathAndQuery)).Dispose();
        (await phone.Client.PostAsJsonAsync("/account/sign-in", new { token = sent.Token })).Dispose();
        (await StatusAsync(laptop)).Should().Be("signed_in");

        // ASP.NET Core's own request log writes URLs, query included: the application's choice (see LoggingTests).
        IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> records = app.Logs.GetSnapshot();
        string logs = string.Join('\n', records.Where(r => r.Category != "Microsoft.AspNetCore.Hosting.Diagnostics").Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        records.Select(r => r.Id.Name).Should().Contain(["SignInCodeRefused", "SignInApproved", "SignedIn"]);
        logs.Should().NotContain(Email).And.NotContain(sent.Token).And.NotContain(sent.Code!).And.NotContain(WrongCode(sent.Code!)).And.NotContain(cookie);
    }

    private static async Task<SentLink> RequestLinkAsync(TestApp app, TestBrowser browser, string email = Email)
    {
        using HttpResponseMessage response = await browser.Client.PostAsJsonAsync("/account/sign-in-link", new { email });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return app.Sender.LastSignInLinkTo(email);
    }

    private static async Task<string> StatusAsync(TestBrowser browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in/status");
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage response = await browser.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("status").GetString()!;
    }

    private static async Task<string?> WhoAsync(TestBrowser browser)
    {
        using HttpResponseMessage response = await browser.Client.GetAsync(TestApp.MePath);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>A code of the right shape that is not <paramref name="code"/>.</summary>
    private static string WrongCode(string code) => code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];
}
