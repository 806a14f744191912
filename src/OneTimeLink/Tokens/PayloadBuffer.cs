using System.Buffers;
using System.Text.Json;

namespace OneTimeLink.Tokens;

/// <summary>
/// A payload buffer and its JSON writer, kept per thread so issuing a token allocates neither. Rent and dispose on the
/// same thread; a nested rent (none today) simply gets a fresh one.
/// </summary>
internal sealed class PayloadBuffer : IDisposable
{
    /// <summary>Buffers that grew past this (large custom claims) are not kept.</summary>
    private const int MaximumKeptBytes = 4096;

    [ThreadStatic]
    private static PayloadBuffer? s_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    private PayloadBuffer()
    {
        Writer = new Utf8JsonWriter(_buffer, LinkTokenJson.WriterOptions);
    }

    public Utf8JsonWriter Writer { get; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public static PayloadBuffer Rent()
    {
        PayloadBuffer? buffer = s_cached;
        s_cached = null;
        return buffer ?? new PayloadBuffer();
    }

    public void Dispose()
    {
        if (_buffer.Capacity > MaximumKeptBytes)
        {
            Writer.Dispose();
            return;
        }

        _buffer.ResetWrittenCount();
        Writer.Reset(_buffer);
        s_cached = this;
    }
}
