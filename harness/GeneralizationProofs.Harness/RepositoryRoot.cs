namespace GeneralizationProofs.Harness;

/// <summary>
/// The repository's root folder (the one with <c>GeneralizationProofs.sln</c>), found by walking up from the working
/// directory and then from the program's own folder: a test runs from <c>tests/…/bin/…</c>, <c>dotnet run</c> from
/// wherever the user is, and either way the examples and <c>../shared</c> are found relative to the root.
/// </summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "GeneralizationProofs.sln";

    /// <summary>Every root above the working directory and above the program, nearest first, without repeats.</summary>
    public static IEnumerable<string> Candidates()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, MarkerFile)) && seen.Add(dir.FullName))
                {
                    yield return dir.FullName;
                }
            }
        }
    }

    public static string? Find() => Candidates().FirstOrDefault();

    /// <summary>A file or folder inside the repository, or bad input naming what is missing.</summary>
    public static string Require(string relative)
    {
        var root = Find() ?? throw new InputException(MarkerFile, "repository",
            "not found above the working directory or the program (run genproof from inside the repository)");
        var path = Path.Combine(root, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : throw new InputException(path, "file", "not found");
    }
}
