using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GeneralizationProofs.Tests;

/// <summary>Runs the real <c>genproof</c> (built beside the tests) as a process, from the repository root.</summary>
public static partial class Genproof
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeneralizationProofs.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    public static Result Run(params string[] args)
    {
        using var process = Process.Start(CliProcess.Info(RepoRoot(), null, defaultSigint: false, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The body of the first fenced block of <paramref name="language"/> after the heading, verbatim.</summary>
    public static string ReadmeBlock(string heading, string language)
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"README has no heading '{heading}'");
        }
        var match = Fence().Match(readme, start);
        while (match.Success && match.Groups[1].Value != language)
        {
            match = match.NextMatch();
        }
        return match.Success ? match.Groups[2].Value : throw new InvalidOperationException($"no ```{language} block after '{heading}'");
    }

    [GeneratedRegex(@"^```(\w*)\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
