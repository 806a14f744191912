namespace OneTimeLink.AspNetCore.Http;

/// <summary>
/// The 202 body of register and resend: one fixed value, whatever the account's state, so the answer reveals nothing.
/// </summary>
internal sealed class AcceptedResponse
{
    public static readonly AcceptedResponse Instance = new();

    public string Status => "accepted";

    public string Detail => "If this address can be used, an email is on its way to it. Follow the link inside to continue.";
}
