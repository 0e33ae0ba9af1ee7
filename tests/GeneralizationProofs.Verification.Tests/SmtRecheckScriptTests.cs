using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>scripts/recheck-smt.sh</c> on a small <c>--smt-out</c> export: Debian's z3 and cvc5 binaries agree with the
/// manifest, and a manifest line made wrong on purpose is reported as a mismatch with a non-zero exit.
/// </summary>
public class SmtRecheckScriptTests
{
    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "recheck-smt.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new FileNotFoundException("scripts/recheck-smt.sh above the test binaries");
    }

    private static void RequireSolvers()
    {
        var missing = new[] { "z3", "cvc5" }
            .Where(b => !new[] { "/usr/bin", "/usr/local/bin" }.Any(d => File.Exists(Path.Combine(d, b)))).ToList();
        if (missing.Count > 0)
        {
            var message = $"{string.Join(" and ", missing)} not installed (apt-get install -y {string.Join(' ', missing)})";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }
            Skip.If(true, message);
        }
    }

    private static (int Code, string Output) Run(string dir)
    {
        var info = new ProcessStartInfo("bash", [Script(), dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(300_000);
        return (process.ExitCode, output.Result + error);
    }

    [SkippableFact]
    public void TheScriptConfirmsAnExportAndCatchesAWrongStatus()
    {
        RequireSolvers();
        var dir = Directory.CreateTempSubdirectory("genproof-recheck-");
        try
        {
            var catalog = new ActionCatalog(["s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:ListBucket", "s3:ListAllMyBuckets"]);
            using (var solver = Engines.Create(EngineChoice.Both))
            {
                RefineAndProve.Run(Strategies.Find(Strategies.DefaultName)!, PolicyWith("s3:Get*", "s3:List*", "s3:*Acl"), catalog,
                    new ActionSet(["s3:GetBucketAcl", "s3:ListAllMyBuckets"]), solver, new ProofScope(PropertyKind.All, PropertyKind.All),
                    dir.FullName);
            }
            var (code, output) = Run(dir.FullName);
            Assert.True(code == 0, output);
            Assert.Contains(" 0 mismatches", output);

            // Flip the first decided status: both solvers must now contradict the manifest.
            var manifest = Path.Combine(dir.FullName, SmtExport.ManifestFile);
            var lines = File.ReadAllLines(manifest);
            var i = Array.FindIndex(lines, 1, l => l.Split('\t')[5] is "sat" or "unsat");
            var fields = lines[i].Split('\t');
            fields[5] = fields[5] == "sat" ? "unsat" : "sat";
            lines[i] = string.Join('\t', fields);
            File.WriteAllLines(manifest, lines);
            (code, output) = Run(dir.FullName);
            Assert.Equal(1, code);
            Assert.Contains($"MISMATCH {fields[0]}", output);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
