using System.Diagnostics.Metrics;

namespace OneTimeLink.AspNetCore.Diagnostics;

/// <summary>
/// The flows' counters on the <c>OneTimeLink</c> meter, tagged with <c>onetimelink.flow</c>: requests accepted, mail
/// handed to the sender, landings, confirmations done and refused (with the outcome's <c>code</c> as <c>error.type</c>).
/// </summary>
internal sealed class LinkFlowMetrics
{
    public const string MeterName = "OneTimeLink";

    private readonly Counter<long> _requested;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _landed;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _codesExhausted;

    public LinkFlowMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _requested = meter.CreateCounter<long>("onetimelink.flow.requested", "{request}", "Requests a flow accepted (answered 202), whatever became of them.");
        _sent = meter.CreateCounter<long>("onetimelink.flow.sent", "{message}", "Messages a flow handed to the application's sender.");
        _landed = meter.CreateCounter<long>("onetimelink.flow.landed", "{landing}", "Links opened (GET), consuming nothing.");
        _confirmed = meter.CreateCounter<long>("onetimelink.flow.confirmed", "{confirmation}", "Links whose action was done.");
        _rejected = meter.CreateCounter<long>("onetimelink.flow.rejected", "{rejection}", "Confirmations refused, by reason.");
        _codesExhausted = meter.CreateCounter<long>(
            "onetimelink.flow.codes_exhausted",
            "{request}",
            "Sign-in requests whose code attempts ran out, ending the request, its code and its link: a guessing signal.");
    }

    public void Requested(string flow, string request)
    {
        if (_requested.Enabled)
        {
            _requested.Add(1, new("onetimelink.flow", flow), new("onetimelink.request", request));
        }
    }

    public void Sent(string flow, string kind)
    {
        if (_sent.Enabled)
        {
            _sent.Add(1, new("onetimelink.flow", flow), new("onetimelink.message", kind));
        }
    }

    public void Landed(string flow, string code)
    {
        if (_landed.Enabled)
        {
            _landed.Add(1, new("onetimelink.flow", flow), new("onetimelink.code", code));
        }
    }

    public void Confirmed(string flow, string code)
    {
        if (_confirmed.Enabled)
        {
            _confirmed.Add(1, new("onetimelink.flow", flow), new("onetimelink.code", code));
        }
    }

    public void Rejected(string flow, string code)
    {
        if (_rejected.Enabled)
        {
            _rejected.Add(1, new("onetimelink.flow", flow), new("error.type", code));
        }
    }

    public void CodesExhausted(string flow)
    {
        if (_codesExhausted.Enabled)
        {
            _codesExhausted.Add(1, new KeyValuePair<string, object?>("onetimelink.flow", flow));
        }
    }
}
