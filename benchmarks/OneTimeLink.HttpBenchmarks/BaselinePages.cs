namespace OneTimeLink.HttpBenchmarks;

/// <summary>
/// The flows' built-in pages as fixed text, as an application with its own templates would write them: the landing page
/// around the token, and the "already active" page. run.sh checks that they have the size of the flows' pages.
/// </summary>
internal static class BaselinePages
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;" +
        "line-height:1.5;color:#1b1b1b}h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1.2rem;border:0;" +
        "border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}input{font:inherit;padding:.5rem;width:100%;" +
        "box-sizing:border-box;margin:.25rem 0 .75rem}label{display:block}.error{color:#b3261e}";

    /// <summary>The landing page up to the token, with a fixed expiry text of the same length as the flow's.</summary>
    public static readonly string LandingStart =
        Start("Activate your account") +
        "<p>Press the button to activate your account.</p><p>This link works until 2026-01-01 00:00 UTC.</p>" +
        "<form method=\"post\" action=\"/account/activate\"><input type=\"hidden\" name=\"token\" value=\"";

    public const string LandingEnd = "\"><button type=\"submit\">Activate my account</button></form></main></body></html>";

    public static readonly string AlreadyActive =
        Start("Your account is already active") + "<p>There is nothing more to do: you can sign in.</p></main></body></html>";

    private static string Start(string title) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\">" +
        $"<title>{title}</title><style>{Style}</style></head><body><main><h1>{title}</h1>";
}
