using System.Diagnostics.CodeAnalysis;

namespace OneTimeLink.AspNetCore.Http;

/// <summary>A request body read by <see cref="RequestBodyReader"/>: its value, or why it could not be read.</summary>
internal sealed class RequestBody<T>
    where T : class
{
    private RequestBody(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    public T? Value { get; }

    public string? Error { get; }

    public static RequestBody<T> Read(T value) => new(value, null);

    public static RequestBody<T> Invalid(string error) => new(null, error);
}
