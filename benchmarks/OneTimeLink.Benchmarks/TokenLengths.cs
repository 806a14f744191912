using System.Globalization;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// The length of the token each row puts in a link, as a URL carries it: JWTs are URL-safe as they are; Identity's
/// base64 token is escaped (<see cref="Uri.EscapeDataString(string)"/>) as a link needs it.
/// </summary>
public static class TokenLengths
{
    private static readonly Lazy<Dictionary<string, int>> s_issued = new(Measure);

    public static string Of(string category, string method, string? kind)
    {
        if (category == Categories.RejectForged && Enum.TryParse(kind, out ForgedKind forged))
        {
            using var identity = new IdentityRows();
            var forge = new ForgedTokens(identity);
            using var oneTimeLink = new OneTimeLinkRows();
            string token = method == nameof(RejectForgedBenchmarks.Identity)
                ? Uri.EscapeDataString(forge.Identity(forged))
                : forge.Jwt(forged, oneTimeLink.Issue());
            return token.Length.ToString(CultureInfo.InvariantCulture);
        }

        return s_issued.Value.TryGetValue(method, out int length) ? length.ToString(CultureInfo.InvariantCulture) : "?";
    }

    private static Dictionary<string, int> Measure()
    {
        using var oneTimeLink = new OneTimeLinkRows();
        using var identity = new IdentityRows();
        using var floor = new FloorRows();
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [nameof(IssueBenchmarks.OneTimeLink)] = oneTimeLink.Issue().Length,
            [nameof(RoundTripBenchmarks.OneTimeLinkSteadyState)] = oneTimeLink.Issue().Length,
            [nameof(IssueBenchmarks.JsonWebTokenHandler)] = new JsonWebTokenHandlerRows().Issue().Length,
            [nameof(IssueBenchmarks.Identity)] = Uri.EscapeDataString(identity.IssueAsync().GetAwaiter().GetResult()).Length,
            [nameof(IssueBenchmarks.Floor)] = floor.Issue().Length,
        };
    }
}
