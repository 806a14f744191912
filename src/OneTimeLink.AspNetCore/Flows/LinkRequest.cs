using Microsoft.AspNetCore.Http;

namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// A request endpoint of a flow, declared: a POST that may send a link (register, resend, forgot password). The
/// pipeline reads and checks the body, answers 202 at once and runs <see cref="RunAsync"/> later on the background
/// queue, so nothing the work does shows in the answer or its timing.
/// </summary>
/// <param name="Name">The request's name, for endpoint names, metrics and logs, such as <c>Register</c>.</param>
/// <param name="Path">The path under the flow's prefix, such as <c>/register</c>.</param>
/// <param name="Summary">The OpenAPI summary.</param>
/// <param name="BodyType">The documented JSON body, for OpenAPI.</param>
/// <param name="TakesPassword">Whether the body carries a password, checked by <see cref="LinkFlow.PasswordRule"/>.</param>
/// <param name="RunAsync">The work: look the account up, change it, mail it.</param>
/// <param name="BindToBrowser">
/// Runs before the answer, for every request alike whatever the address (it may set a cookie, never look an account up);
/// what it returns reaches the work as <see cref="LinkRequestWork.Binding"/> and the answer page. Null for most requests.
/// </param>
internal sealed record LinkRequest(
    string Name,
    string Path,
    string Summary,
    Type BodyType,
    bool TakesPassword,
    Func<LinkRequestWork, ValueTask> RunAsync,
    Func<HttpContext, object>? BindToBrowser = null);
