namespace OneTimeLink.Sample.Tests.Infrastructure;

/// <summary>Test artefacts go under the repository's <c>artifacts/</c> folder, which CI keeps and git ignores.</summary>
public static class Artifacts
{
    public static string Directory(string name)
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneTimeLink.sln")))
        {
            folder = folder.Parent;
        }

        string path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
