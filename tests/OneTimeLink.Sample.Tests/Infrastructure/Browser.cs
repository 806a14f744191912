using OpenQA.Selenium.Chrome;

namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>Debian's Chromium and ChromeDriver, headless, with flags that work as root on a closed network.</summary>
public static class Browser
{
    public static string? ChromiumPath { get; } = FindOnPath("chromium") ?? FindOnPath("chromium-browser");

    public static string? DriverPath { get; } = FindOnPath("chromedriver");

    public static string? MissingReason =>
        ChromiumPath is null ? "Chromium is not installed (apt-get install -y chromium chromium-driver)."
        : DriverPath is null ? "ChromeDriver is not installed (apt-get install -y chromium-driver)."
        : null;

    public static ChromeDriver Start(string userDataDirectory)
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,900",
            $"--user-data-dir={userDataDirectory}");
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath)!);
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
