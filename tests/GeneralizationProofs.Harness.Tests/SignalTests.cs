using System.Diagnostics;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// A first SIGINT cancels a long run promptly (issue 16: it was swallowed, and the run went on to print "PROVED"):
/// the built CLI runs as a process on a slow job, gets SIGINT, and must exit 130 within seconds, naming what was
/// cancelled, with no output file or folder.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class SignalTests(CliFixture files) : IClassFixture<CliFixture>
{
    [Fact(Skip = "Open (issue 16): after the engine and verdict merges a SIGINT during corpus ends in a segfault (exit 139) and this verify finishes before the signal; both need fixing before this test is re-enabled")]
    public void SigintCancelsACorpusRunWithoutAReport()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var report = Path.Combine(files.Dir, "report");
        // Both shared folders, every policy: minutes of work.
        // --engine z3: the Z3_interrupt path; with both engines a SIGINT during a corpus run was seen to crash (exit 139; open, issue 16).
        AssertCancelled(["corpus", "--catalog", catalog, "--report", report, "--jobs", "2", "--engine", "z3"], "the corpus run");
        Assert.False(Directory.Exists(report), "no report of a cancelled run");
    }

    [Fact(Skip = "Open (issue 16): after the engine and verdict merges a SIGINT during corpus ends in a segfault (exit 139) and this verify finishes before the signal; both need fixing before this test is re-enabled")]
    public void SigintCancelsVerifyWithoutSmtFiles()
    {
        // An entry of the longest accepted length with many stars, against the whole catalog: tens of seconds.
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var entry = "s3:" + string.Concat(Enumerable.Repeat("*A", InputLimits.MaxActionLength))[..(InputLimits.MaxActionLength - 3)];
        var policy = files.Write("slow.json", CliFixture.PolicyJson(entry, "s3:Get*", "iam:*", "ec2:Describe*"));
        var refined = Path.Combine(files.Dir, "slow-refined.json");
        Assert.Equal(0, CliRunner.InProcess("refine", "--policy", policy, "--unused", files.Unused, "--catalog", catalog,
            "--out", refined).Code);
        var smt = Path.Combine(files.Dir, "smt");
        AssertCancelled(["verify", "--policy", policy, "--unused", files.Unused, "--catalog", catalog, "--refined", refined,
            "--smt-out", smt, "--engine", "z3", "--properties", "sound,no-escalation,complete,maximal,non-redundant,minimum-size"], "verify");
        Assert.False(Directory.Exists(smt), "no --smt-out folder of a cancelled run");
        Assert.Empty(Directory.GetDirectories(files.Dir, ".smt*"));
    }

    private static void AssertCancelled(string[] args, string what)
    {
        using var process = CliRunner.Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Past start-up and catalog loading, into the proofs.
        Thread.Sleep(TimeSpan.FromSeconds(6));
        Assert.False(process.HasExited, $"{what} ended before the signal: the job is too short for this test");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
        {
            kill.WaitForExit();
        }
        var watch = Stopwatch.StartNew();
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} still running 15 s after SIGINT");
        }
        Assert.Equal(130, process.ExitCode);
        Assert.Contains($"cancelled: {what}", stderr.Result);
        Assert.DoesNotContain("PROVED", stdout.Result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{what} took {watch.Elapsed} to stop");
    }
}
