using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneTimeLink.AspNetCore.Tests.Infrastructure;
using Mailer = OneTimeLink.AspNetCore.Tests.Infrastructure.CapturingLinkSender;
using UserStore = OneTimeLink.AspNetCore.Tests.Infrastructure.InMemoryUserStore;

namespace OneTimeLink.AspNetCore.Tests;

/// <summary>The "How to use" snippet of PACKAGE.md compiles, works, and stays word for word what the package shows.</summary>
public sealed class PackageReadmeTests
{
    private const string SnippetStart = "// snippet:start";
    private const string SnippetEnd = "// snippet:end";

    [Fact]
    public async Task Snippet_BuildsAnAppThatMapsTheEndpointsAndIssuesLinks()
    {
        string[] args =
        [
            "--OneTimeLinks:Issuer=https://example.com",
            "--OneTimeLinks:Audience=example-links",
            "--OneTimeLinks:Keys:0:Id=2026-11",
            "--OneTimeLinks:Keys:0:Secret=" + TestApp.Secret,
            "--hostBuilder:reloadConfigOnChange=false",
        ];

        await using WebApplication app = Snippet(args);

        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Should().HaveCount(7);
        IssuedLink link = await app.Services.GetRequiredService<IOneTimeLinkService>().IssueAsync(UserActivationOptions.DefaultPurpose, "user-1");
        link.ExpiresAt.Should().Be(link.IssuedAt.AddHours(2));
    }

    [Fact]
    public void Snippet_IsTheOneInPackageMd()
    {
        string packageMd = File.ReadAllText(Path.Combine(Repository.Root(), "src", "OneTimeLink.AspNetCore", "PACKAGE.md"));
        string source = File.ReadAllText(Path.Combine(Repository.Root(), "tests", "OneTimeLink.AspNetCore.Tests", "PackageReadmeTests.cs"));
        int start = source.IndexOf(SnippetStart + "\n", StringComparison.Ordinal) + SnippetStart.Length + 1;
        string snippet = string.Join(
            "\n",
            source[start..source.IndexOf(SnippetEnd, start, StringComparison.Ordinal)].Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

        packageMd.Should().Contain("```csharp\n" + snippet.TrimEnd() + "\n```");
    }

    private static WebApplication Snippet(string[] args)
    {
        // snippet:start
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        builder.Services.AddScoped<IUserActivationStore, UserStore>(); // your users: EF Core, ASP.NET Core Identity, ...
        builder.Services.AddScoped<IPasswordResetStore, UserStore>();
        builder.Services.AddScoped<IActivationLinkSender, Mailer>(); // your mail: SMTP, a mail API, ...
        builder.Services.AddScoped<IPasswordResetLinkSender, Mailer>();
        builder.Services
            .AddOneTimeLinks(builder.Configuration.GetSection("OneTimeLinks"))
            .AddUserActivation(o => o.PublicBaseUri = new Uri("https://example.com"))
            .AddPasswordReset(o => o.PublicBaseUri = new Uri("https://example.com"));

        WebApplication app = builder.Build();
        app.MapUserActivation("/account");
        app.MapPasswordReset("/account");
        // snippet:end
        return app;
    }
}
