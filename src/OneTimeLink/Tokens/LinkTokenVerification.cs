namespace OneTimeLink.Tokens;

/// <summary>The outcome of checking a token's form and signature: either verified content and its key, or why not.</summary>
internal readonly record struct LinkTokenVerification(LinkFailure Failure, LinkTokenContent? Content, LinkSigningKey? Key)
{
    public static LinkTokenVerification Failed(LinkFailure failure) => new(failure, null, null);
}
