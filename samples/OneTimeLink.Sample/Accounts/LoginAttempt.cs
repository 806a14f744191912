namespace OneTimeLink.Sample.Accounts;

/// <summary>One sign-in attempt, as the throttle counts it: who tries (the client's IP address) and which account (the normalized email).</summary>
public readonly record struct LoginAttempt(string Client, string Address);
