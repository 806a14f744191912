namespace OneTimeLink.Tests.Reference;

/// <summary>The reference's verdict: a failure, or verified content and the id of the key that verified it.</summary>
internal sealed record ReferenceVerdict(LinkFailure Failure, ReferenceContent? Content = null, string? KeyId = null);
