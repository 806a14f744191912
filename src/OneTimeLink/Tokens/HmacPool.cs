using System.Security.Cryptography;

namespace OneTimeLink.Tokens;

/// <summary>
/// Keyed HMAC instances for one key, kept and reused: setting up a keyed HMAC costs about as much as running it, and a
/// kept instance is not thread-safe, so each caller rents one. Lock-free; at worst a miss creates a new instance. A pool
/// dropped with its key (on a configuration reload) is left to the collector, as a caller may still hold an instance.
/// </summary>
internal sealed class HmacPool
{
    private readonly byte[] _key;
    private readonly HashAlgorithmName _algorithm;
    private readonly IncrementalHash?[] _items = new IncrementalHash?[Math.Max(4, Environment.ProcessorCount * 2)];

    public HmacPool(HashAlgorithmName algorithm, byte[] key)
    {
        _algorithm = algorithm;
        _key = key;
    }

    /// <summary>Writes the MAC of <paramref name="data"/> to <paramref name="destination"/>, at least the hash's size.</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        IncrementalHash hmac = Rent();
        try
        {
            hmac.AppendData(data);
            hmac.GetHashAndReset(destination);
        }
        catch
        {
            // An instance that failed half-way may hold partial input: never hand it out again.
            hmac.Dispose();
            throw;
        }

        Return(hmac);
    }

    private IncrementalHash Rent()
    {
        IncrementalHash?[] items = _items;
        for (int i = 0; i < items.Length; i++)
        {
            IncrementalHash? item = items[i];
            if (item is not null && Interlocked.CompareExchange(ref items[i], null, item) == item)
            {
                return item;
            }
        }

        return IncrementalHash.CreateHMAC(_algorithm, _key);
    }

    private void Return(IncrementalHash hmac)
    {
        IncrementalHash?[] items = _items;
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is null && Interlocked.CompareExchange(ref items[i], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }
}
