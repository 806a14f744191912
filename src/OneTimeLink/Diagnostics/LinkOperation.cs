namespace OneTimeLink.Diagnostics;

/// <summary>What a caller asked of a token: look at it, or use it up.</summary>
internal enum LinkOperation
{
    Validate,
    Redeem,
}
