namespace OneTimeLink.Sample.Accounts;

/// <summary>How many sign-in attempts <c>POST /login</c> lets through per window, bound from the "LoginThrottle" section.</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Gets or sets the attempts on one email address per window, from all clients together.</summary>
    /// <value>The default value is 5.</value>
    public int AttemptsPerAddress { get; set; } = 5;

    /// <summary>Gets or sets the attempts from one client (IP address) per window, on all addresses together.</summary>
    /// <value>The default value is 20.</value>
    public int AttemptsPerClient { get; set; } = 20;

    /// <summary>Gets or sets the window the attempts are counted in.</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
