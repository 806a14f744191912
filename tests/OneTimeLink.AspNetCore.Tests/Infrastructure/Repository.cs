namespace OneTimeLink.AspNetCore.Tests.Infrastructure;

/// <summary>The repository's folder, for tests that hold documentation to the code.</summary>
internal static class Repository
{
    /// <summary>
    /// Found from the test's output folder, not from [CallerFilePath]: CI builds are deterministic and map source paths
    /// to <c>/_/</c>.
    /// </summary>
    public static string Root()
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneTimeLink.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No OneTimeLink.sln above {AppContext.BaseDirectory}.");
    }
}
