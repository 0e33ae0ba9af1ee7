using System.Diagnostics;
using GeneralizationProofs.Harness;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The built <c>genproof</c> run as a process, as a user or a CI job runs it: a usage error exits 2 (bad input), never
/// 1 (refuted), and the README's <c>refine</c> of <c>examples/my-role</c> prints the spec's diff and exits 0.
/// </summary>
public class CliUsageTests
{
    private const string Policy = "examples/my-role/policy.json";
    private const string Unused = "examples/my-role/unused.json";

    /// <summary>A small catalog from the golden cases, for runs that fail before the catalog matters.</summary>
    private const string SmallCatalog = "examples/golden/one-action-node-is-literal/catalog.json";

    /// <summary>The review-style diff of the acceptance example (spec §1).</summary>
    private const string AcceptanceDiff = """
        --- MyRole (original)
        +++ MyRole (refined by strategy 'reference')
        @@ Statement 0 (Sid Lambda): 9 -> 1 action entries @@
        -  lambda:AddPermission
        -  lambda:GetFunctionConfiguration
        -  lambda:UpdateFunctionConfiguration
        -  lambda:UpdateFunctionCode
        -  lambda:CreateFunction
        -  lambda:DeleteFunction
        -  lambda:ListVersionsByFunction
        -  lambda:GetFunction
           lambda:Invoke*
        @@ Statement 1 (Sid S3): 2 -> 8 action entries @@
        -  s3:Get*
        +  s3:GetAccess*
        +  s3:GetAccountPublicAccessBlock
        +  s3:GetDataAccess
        +  s3:GetJobTagging
        +  s3:GetMulti*
        +  s3:GetObject*
        +  s3:GetStorage*
           s3:List*

        """;

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    /// <summary>The CLI this test project was built with: same configuration, in the CLI project's own output folder.</summary>
    /// <summary>Through <see cref="CliProcess.Info"/> (genproof.dll, or the installed tool of GENPROOF_TOOL), with stdin.</summary>
    private static Run Genproof(string? stdin, params string[] args)
    {
        var start = CliProcess.Info(RepositoryRoot.Find()!, null, defaultSigint: false, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"genproof {string.Join(' ', args)} did not finish");
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Catalog => TestData.Path("catalogs/aws-2024-06-16.json");

    private static void AssertUsageError(Run run, string message)
    {
        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}, expected 2 (usage error); stderr:\n{run.Stderr}");
        Assert.Contains(message, run.Stderr);
        Assert.Contains("genproof: usage error (exit code 2)", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void AMistypedVerbExits2WithASuggestion()
    {
        var run = Genproof(null, "refin", "--policy", Policy);
        AssertUsageError(run, "Unrecognized command or argument 'refin'.");
        Assert.Contains("Did you mean one of the following?\nrefine\n", run.Stderr);
        Assert.Contains("see 'genproof --help'", run.Stderr);
    }

    [Fact]
    public void AMissingRequiredOptionExits2()
    {
        var run = Genproof(null, "refine", "--policy", Policy, "--catalog", "catalog.json");
        AssertUsageError(run, "Option '--unused' is required.");
        Assert.Contains("see 'genproof refine --help'", run.Stderr);
    }

    [Theory]
    [InlineData("Argument 'xml' not recognized.", "--format", "xml")]
    [InlineData("Unrecognized command or argument '--bogus'.", "--bogus")]
    public void ABadValueOrAnUnknownOptionExits2(string message, params string[] extra)
    {
        AssertUsageError(Genproof(null, ["refine", "--policy", Policy, "--unused", Unused, "--catalog", "c.json", .. extra]), message);
    }

    [Fact]
    public void HelpIsNotAUsageError()
    {
        var run = Genproof(null, "refine", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--unused", run.Stdout);
    }

    [SkippableFact]
    public void TheReadmeRefineOfTheExamplePrintsTheSpecsDiff()
    {
        var run = Genproof(null, "refine", "--policy", Policy, "--unused", Unused, "--catalog", Catalog, "--format", "diff");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(AcceptanceDiff, run.Stdout);
    }

    [SkippableFact]
    public void APolicyFromStandardInputIsRefinedAlike()
    {
        var run = Genproof(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, Policy)),
            "refine", "--policy", "-", "--unused", Unused, "--catalog", Catalog, "--format", "diff");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(AcceptanceDiff, run.Stdout);

        var malformed = Genproof("{\"Statement\": [}", "refine", "--policy", "-", "--unused", Unused, "--catalog", SmallCatalog);
        Assert.Equal(2, malformed.ExitCode);
        Assert.StartsWith("genproof: (stdin): line 1, column 16: malformed JSON: ", malformed.Stderr);

        var twice = Genproof("[]", "refine", "--policy", "-", "--unused", "-", "--catalog", SmallCatalog);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("(stdin): --policy, --unused: standard input can be read by one option only", twice.Stderr);
    }

    [Fact]
    public void ADirectoryAsAFileIsNamedAsOne()
    {
        var run = Genproof(null, "refine", "--policy", "examples", "--unused", Unused, "--catalog", "examples/my-role");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("genproof: examples/my-role: file: is a directory, not a file\n", run.Stderr);
    }
}
