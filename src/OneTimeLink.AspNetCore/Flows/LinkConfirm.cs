namespace OneTimeLink.AspNetCore.Flows;

/// <summary>
/// The link endpoints of a flow, declared: <c>GET {Path}</c> the landing page and <c>POST {Path}</c> the confirmation,
/// with the words of the landing page.
/// </summary>
/// <param name="Name">The confirmation's name, for endpoint names: <c>Activate</c> names <c>Activate</c> and <c>ActivateLanding</c>.</param>
/// <param name="Path">The path under the flow's prefix, such as <c>/activate</c>.</param>
/// <param name="LandingSummary">The OpenAPI summary of the landing.</param>
/// <param name="ConfirmSummary">The OpenAPI summary of the confirmation.</param>
/// <param name="BodyType">The documented JSON body of the confirmation, for OpenAPI.</param>
/// <param name="Title">The landing page's title, such as "Activate your account".</param>
/// <param name="Message">What pressing the button will do.</param>
/// <param name="SubmitLabel">The button's text.</param>
/// <param name="TakesPassword">Whether the confirmation carries a new password, checked by <see cref="LinkFlow.PasswordRule"/>.</param>
internal sealed record LinkConfirm(
    string Name,
    string Path,
    string LandingSummary,
    string ConfirmSummary,
    Type BodyType,
    string Title,
    string Message,
    string SubmitLabel,
    bool TakesPassword);
