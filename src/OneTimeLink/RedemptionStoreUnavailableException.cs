namespace OneTimeLink;

/// <summary>
/// Thrown by an <see cref="IRedemptionStore"/> that cannot record a redemption right now. The service answers
/// <see cref="LinkFailure.StoreUnavailable"/>; the exception never reaches the caller of <see cref="IOneTimeLinkService"/>.
/// </summary>
public sealed class RedemptionStoreUnavailableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RedemptionStoreUnavailableException"/> class.</summary>
    public RedemptionStoreUnavailableException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RedemptionStoreUnavailableException"/> class with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public RedemptionStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RedemptionStoreUnavailableException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The store's own exception.</param>
    public RedemptionStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
