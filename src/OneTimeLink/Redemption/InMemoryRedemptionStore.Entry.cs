namespace OneTimeLink.Redemption;

internal sealed partial class InMemoryRedemptionStore
{
    /// <summary>One slot of a <see cref="Segment"/>: 16 bytes, so a probe run reads few cache lines and no string until the hashes match.</summary>
    private readonly struct Entry
    {
        public Entry(string id, int hash, uint keepUntil)
        {
            Id = id;
            Hash = hash;
            KeepUntil = keepUntil;
        }

        /// <summary>Gets the token id, or null for an empty slot.</summary>
        public string? Id { get; }

        public int Hash { get; }

        /// <summary>Gets the second (since the Unix epoch) from which the entry may be dropped.</summary>
        public uint KeepUntil { get; }
    }
}
