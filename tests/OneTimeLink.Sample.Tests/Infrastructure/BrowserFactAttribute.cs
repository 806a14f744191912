namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>
/// A test that drives headless Chromium. Skipped, with the reason, when Chromium or ChromeDriver is not installed —
/// unless <c>ONETIMELINK_REQUIRE_BROWSER=1</c> (as in CI), where it runs and fails instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.MissingReason is { } reason && Environment.GetEnvironmentVariable("ONETIMELINK_REQUIRE_BROWSER") != "1")
        {
            Skip = reason;
        }
    }
}
