using OneTimeLink.AspNetCore.Flows;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>
/// The 202 body of every request endpoint: one fixed value, whatever the account's state, so the answer reveals nothing.
/// </summary>
internal sealed class AcceptedResponse
{
    public static readonly AcceptedResponse Instance = new();

    public string Status => "accepted";

    public string Detail => LinkFlowPages.AcceptedDetail;
}
