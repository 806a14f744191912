using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>
/// Reads a small body sent as JSON or as an HTML form, bounded in size, turning every malformed input into an error
/// message for a 400 answer instead of an exception. Model binding cannot take both formats on one endpoint.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>Enough for the largest valid body: a 4 KiB token, or a 254-character email and a long password, form-encoded.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const int MaxFormFields = 16;

    public static async ValueTask<RequestBody<T>> ReadAsync<T>(
        HttpRequest request,
        JsonTypeInfo<T> jsonTypeInfo,
        Func<Dictionary<string, StringValues>, T> fromForm,
        CancellationToken cancellationToken)
        where T : class
    {
        bool json = request.HasJsonContentType();
        if (!json && !ContentNegotiation.IsForm(request))
        {
            return RequestBody<T>.Invalid("Send the body as application/json or application/x-www-form-urlencoded.");
        }

        // A pooled buffer: a fresh 16 KiB array per request was most of what a refused POST allocated.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            int? length = await ReadBoundedAsync(request, buffer, cancellationToken).ConfigureAwait(false);
            if (length is not { } read)
            {
                return RequestBody<T>.Invalid($"The request body is larger than {MaxBodyBytes} bytes.");
            }

            ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
            return json ? FromJson(bytes, jsonTypeInfo) : FromForm(bytes, fromForm);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gets a form field sent exactly once; a missing or repeated field counts as absent.</summary>
    public static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;

    private static RequestBody<T> FromJson<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> jsonTypeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, jsonTypeInfo) is { } value
                ? RequestBody<T>.Read(value)
                : RequestBody<T>.Invalid("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            return RequestBody<T>.Invalid("The request body is not valid JSON, or a field has the wrong type.");
        }
    }

    private static RequestBody<T> FromForm<T>(ReadOnlySpan<byte> body, Func<Dictionary<string, StringValues>, T> fromForm)
        where T : class
    {
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body))
            {
                ValueCountLimit = MaxFormFields,
                KeyLengthLimit = 64,
                ValueLengthLimit = MaxBodyBytes,
            };
            return RequestBody<T>.Read(fromForm(reader.ReadForm()));
        }
        catch (InvalidDataException)
        {
            return RequestBody<T>.Invalid("The request body is not a valid form.");
        }
    }

    private static async ValueTask<int?> ReadBoundedAsync(HttpRequest request, byte[] buffer, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        int length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
            if (length > MaxBodyBytes)
            {
                return null;
            }
        }

        return length;
    }
}
