namespace GeneralizationProofs.Harness;

/// <summary>
/// Finds the data folder that lives beside the repository (<c>../shared</c>): from the environment variable
/// <c>GENPROOF_SHARED</c>, else by walking up from the working directory and from the program's own folder to the
/// repository root (<see cref="RepositoryRoot"/>) and looking beside it.
/// </summary>
public static class SharedData
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GENPROOF_SHARED") is { Length: > 0 } fromEnv)
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }
        foreach (var root in RepositoryRoot.Candidates())
        {
            var shared = Path.Combine(root, "..", "shared");
            if (Directory.Exists(shared))
            {
                return Path.GetFullPath(shared);
            }
        }
        return null;
    }

    public static string Require(string relative)
    {
        var shared = Find() ?? throw new InputException("../shared", "folder",
            "not found beside the repository (set GENPROOF_SHARED to its path, or pass the file explicitly)");
        var path = Path.Combine(shared, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : throw new InputException(path, "file", "not found");
    }
}
