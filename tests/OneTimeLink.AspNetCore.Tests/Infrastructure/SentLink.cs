using Microsoft.AspNetCore.WebUtilities;

namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>A link as the sender received it.</summary>
internal sealed record SentLink(string Kind, LinkFlowUser User, Uri Link, DateTimeOffset ExpiresAt, string? Code = null)
{
    public const string Activation = "activation";
    public const string PasswordReset = "password-reset";
    public const string SignIn = "sign-in";

    /// <summary>Gets the token, from the query or, with fragment placement, from the fragment.</summary>
    public string Token
    {
        get
        {
            string parameters = Link.Fragment.Length > 0 ? Link.Fragment[1..] : Link.Query;
            return QueryHelpers.ParseQuery(parameters)["token"].Single()!;
        }
    }

    /// <summary>Gets the link's path and query, to request it from the test server.</summary>
    public string PathAndQuery => Link.PathAndQuery;
}
