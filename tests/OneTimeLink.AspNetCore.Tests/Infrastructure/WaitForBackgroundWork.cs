using OneTimeLink.AspNetCore.Queue;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Returns each answer only once the flows' background queue has run what the request queued, so a test can look
/// at the mail right after a request, as a person would a moment later, without waiting on a clock.
/// </summary>
internal sealed class WaitForBackgroundWork(BackgroundWorkQueue queue) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        await queue.WhenIdleAsync().WaitAsync(cancellationToken);
        return response;
    }
}
