namespace OneTimeLink.AspNetCore.SignIn;

/// <summary>A pending sign-in approved from another browser: the link that approved it (for the logs) and whom to sign in.</summary>
internal sealed record SignInApproval(string TokenId, string UserId)
{
    /// <summary>The stored form: token ids hold no dot, so the first one ends it, whatever the user id holds.</summary>
    public override string ToString() => TokenId + "." + UserId;

    public static SignInApproval? Parse(string? value) =>
        value?.IndexOf('.', StringComparison.Ordinal) is int dot and > 0 && dot < value.Length - 1
            ? new SignInApproval(value[..dot], value[(dot + 1)..])
            : null;
}
