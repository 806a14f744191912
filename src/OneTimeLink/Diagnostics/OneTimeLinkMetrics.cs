using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneTimeLink.Diagnostics;

/// <summary>The <c>OneTimeLink</c> meter: links issued, validated, redeemed and rejected, by purpose.</summary>
internal sealed class OneTimeLinkMetrics
{
    public const string MeterName = "OneTimeLink";

    private readonly Counter<long> _issued;
    private readonly Counter<long> _validated;
    private readonly Counter<long> _redeemed;
    private readonly Counter<long> _rejected;

    public OneTimeLinkMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _issued = meter.CreateCounter<long>("onetimelink.links.issued", "{link}", "Links issued.");
        _validated = meter.CreateCounter<long>("onetimelink.links.validated", "{link}", "Links that passed validation without being consumed.");
        _redeemed = meter.CreateCounter<long>("onetimelink.links.redeemed", "{link}", "Links redeemed.");
        _rejected = meter.CreateCounter<long>("onetimelink.links.rejected", "{link}", "Links refused at validation or redemption, by reason (error.type).");
    }

    public void Issued(string purpose) => Add(_issued, purpose);

    public void Validated(string purpose) => Add(_validated, purpose);

    public void Redeemed(string purpose) => Add(_redeemed, purpose);

    public void Rejected(string purpose, LinkOperation operation, LinkFailure failure)
    {
        if (_rejected.Enabled)
        {
            var tags = new TagList
            {
                { "onetimelink.purpose", purpose },
                { "onetimelink.operation", operation == LinkOperation.Redeem ? "redeem" : "validate" },
                { "error.type", LinkFailureNames.Of(failure) },
            };
            _rejected.Add(1, tags);
        }
    }

    private static void Add(Counter<long> counter, string purpose)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>("onetimelink.purpose", purpose));
        }
    }
}
