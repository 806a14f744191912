namespace OneTimeLink.AspNetCore;

/// <summary>An input a <see cref="LinkPageForm"/> asks the person for.</summary>
public sealed class LinkPageField
{
    /// <summary>Gets the form field's name, which the endpoint reads, such as <c>password</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the label in the built-in pages' words, such as "New password".</summary>
    public required string Label { get; init; }

    /// <summary>Gets the HTML input type, such as <c>email</c> or <c>password</c>.</summary>
    public required string InputType { get; init; }

    /// <summary>Gets the HTML <c>autocomplete</c> value, such as <c>new-password</c>, so password managers do the right thing.</summary>
    public required string Autocomplete { get; init; }

    /// <summary>Gets the shortest value accepted, in characters, for the <c>minlength</c> attribute; 0 when there is no such rule.</summary>
    public int MinLength { get; init; }

    /// <summary>Gets the longest value accepted, in characters, for the <c>maxlength</c> attribute.</summary>
    public required int MaxLength { get; init; }
}
