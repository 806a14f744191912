namespace OneTimeLink.AspNetCore.Queue;

/// <summary>The bounds of the flows' background queue.</summary>
internal sealed class BackgroundWorkQueueOptions
{
    /// <summary>Gets or sets how many requests may wait for their work; past it, requests answer 503 <c>busy</c>.</summary>
    public int Capacity { get; set; } = 1024;

    /// <summary>Gets or sets how many pieces of work run at once; they hash passwords and talk to stores and mail servers.</summary>
    public int Workers { get; set; } = 4;
}
