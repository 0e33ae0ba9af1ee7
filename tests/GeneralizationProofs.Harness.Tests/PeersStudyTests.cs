using System.Text.RegularExpressions;
using GeneralizationProofs.Harness.Study;
using GeneralizationProofs.Policy;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The peers as rows of the study (<c>bench-report --strategy</c>, the speed table) and in papers/peers.md
/// (<c>peers-report</c>): an exec: strategy's rows and ratios, a peer's defects found and written with replay
/// commands, a correct strategy's campaigns clean, and the paper's blocks filled only by their own command.
/// </summary>
public class PeersStudyTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-peers-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Adapter(string file) => $"exec:python3 {Path.Combine(Genproof.RepoRoot(), "adapters", file)}";

    private string Folder(string name, params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
        return folder;
    }

    private static string Policy(string action) =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "{{action}}", "Resource": "*"}]}""";

    [Fact]
    public void BenchReportStudiesAnExecStrategyBesideTheReferenceWithItsSpeedRatio()
    {
        var catalogs = Folder("catalogs",
            ("a.json", """{"source": "t", "date": "2024-01-01", "services": {"s3": ["GetObject", "GetObjectAcl", "ListBucket"]}}"""),
            ("b.json", """{"source": "t", "date": "2025-01-01", "services": {"s3": ["GetObject", "GetObjectAcl", "List", "Put"]}}"""));
        var policies = Folder("policies", ("Reader.json", Policy("s3:Get*")), ("All.json", Policy("s3:*")));
        var output = Path.Combine(_dir.FullName, "out");
        var example = Adapter("example_strategy.py");
        var run = Genproof.Run("bench-report", "--out", output, "--catalogs", catalogs, "--policies", policies, "--proofs", "2",
            "--strategy", example);
        Assert.True(run.ExitCode == 0, run.ToString());
        var size = File.ReadAllLines(Path.Combine(output, "size.csv"));
        Assert.Contains(size, line => line.StartsWith("reference,policies,2,"));
        Assert.Contains(size, line => line.StartsWith($"\"{example}\",policies,2,") || line.StartsWith($"{example},policies,2,"));
        Assert.DoesNotContain(size, line => line.StartsWith("character,")); // only what was asked, and the reference
        var speed = File.ReadAllLines(Path.Combine(output, "speed.csv"));
        Assert.Equal(3, speed.Length);
        Assert.Matches(@"policies,2,[0-9.,]+,×[0-9.]+", speed.Single(l => l.Contains("example_strategy")));
        var proofs = File.ReadAllLines(Path.Combine(output, "proofs.csv"));
        Assert.Contains(proofs, l => l.Contains("example_strategy") && l.Contains(",policies,2,2,0,0,"));

        // A strategy that answers every request with an error: counted in the failed table and listed, the run goes on.
        var failing = Path.Combine(_dir.FullName, "failing.py");
        File.WriteAllText(failing, "import sys\nfor line in sys.stdin:\n    print('{\"error\": \"no\"}', flush=True)\n");
        var failed = Genproof.Run("bench-report", "--out", output, "--catalogs", catalogs, "--policies", policies, "--proofs", "0",
            "--strategy", $"exec:python3 {failing}");
        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Contains("failing.py on All (catalog 2024-01-01): answered an error", File.ReadAllText(Path.Combine(output, "README.md")));
        Assert.Contains(File.ReadAllLines(Path.Combine(output, "failed.csv")), l => l.EndsWith("failing.py,policies,4,0,4,0,0"));

        var unknown = Genproof.Run("bench-report", "--out", output, "--catalogs", catalogs, "--policies", policies, "--strategy", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nope", unknown.Stderr);
    }

    [Fact]
    public void ATimedOutPolicyIsCountedOnceAndNotResentUnderTheOtherCatalogsAndNoTableDropsIt()
    {
        var catalogs = Folder("catalogs",
            ("a.json", """{"source": "t", "date": "2024-01-01", "services": {"s3": ["GetObject", "GetObjectAcl", "ListBucket"]}}"""),
            ("b.json", """{"source": "t", "date": "2025-01-01", "services": {"s3": ["GetObject", "GetObjectAcl", "List", "Put"]}}"""),
            ("c.json", """{"source": "t", "date": "2026-01-01", "services": {"s3": ["GetObject", "List", "Put"]}}"""));
        var policies = Folder("policies", ("Reader.json", Policy("s3:Get*")), ("All.json", Policy("s3:*")));
        // Answers every policy as it is, except that it sleeps past the time-out on the one granting s3:*. (The time-out
        // is generous: it also covers the process's start-up, which takes seconds on a loaded machine.)
        var slow = Path.Combine(_dir.FullName, "slow.py");
        File.WriteAllText(slow, """
            import json, sys, time
            for line in sys.stdin:
                if '"s3:*"' in line:
                    time.sleep(60)
                print(json.dumps({"policy": json.loads(line)["policy"]}), flush=True)
            """);
        var output = Path.Combine(_dir.FullName, "out");
        var run = Genproof.Run("bench-report", "--out", output, "--catalogs", catalogs, "--policies", policies, "--proofs", "2",
            "--strategy", $"exec:python3 {slow}", "--strategy-timeout", "6");
        Assert.True(run.ExitCode == 0, run.ToString());
        // All.json ran out of time under the first catalog and was not asked again under the two others.
        var failed = File.ReadAllLines(Path.Combine(output, "failed.csv"));
        Assert.Contains("reference,policies,6,6,0,0,0", failed);
        Assert.Contains(failed, l => l.EndsWith("slow.py,policies,6,3,0,1,2", StringComparison.Ordinal));
        var proofs = File.ReadAllLines(Path.Combine(output, "proofs.csv"));
        Assert.Matches(@"slow.py,policies,2,\d+,\d+,\d+,1,", proofs.Single(l => l.Contains("slow.py")));
        // Speed: the policy one strategy failed on is timed for none, and the failure is shown.
        var speed = File.ReadAllLines(Path.Combine(output, "speed.csv"));
        Assert.Matches(@"^reference,policies,1,.*,0$", speed.Single(l => l.StartsWith("reference,")));
        Assert.Matches(@"slow.py,policies,1,.*,1$", speed.Single(l => l.Contains("slow.py")));
        var readme = File.ReadAllText(Path.Combine(output, "README.md"));
        Assert.Contains("refinements failed", readme);
        Assert.Single(Regex.Matches(readme, "slow.py on All"));
        Assert.Contains("slow.py on All (catalog 2024-01-01): no response within 6 s", readme);
    }

    [Fact]
    public void APaperBlockIsFilledOnlyByItsOwnCommandAndAnUnknownOneIsRefused()
    {
        var paper = Path.Combine(_dir.FullName, "paper.md");
        File.WriteAllText(paper, "<!-- results:size -->\nold\n<!-- /results -->\n<!-- results:peer-corpus -->\nkept\n<!-- /results -->\n");
        var table = new Table("size", "t", ["a"], [["1"]]);
        StudyOutput.FillPaper(paper, [table], ["peer-corpus"]);
        var text = File.ReadAllText(paper);
        Assert.Contains("| 1 |", text);
        Assert.Contains("kept", text);
        Assert.DoesNotContain("old", text);
        var error = Assert.Throws<InputException>(() => StudyOutput.FillPaper(paper, [table]));
        Assert.Contains("results:peer-corpus", error.Message);
    }

    [Fact]
    public void PeersReportWritesAPeersDefectsWithReplayCommandsAndACorrectStrategyClean()
    {
        var paper = Path.Combine(_dir.FullName, "peers.md");
        File.WriteAllText(paper, "# p\n<!-- results:peer-campaigns -->\n<!-- /results -->\n<!-- results:peer-counterexamples -->\n"
            + "<!-- /results -->\n<!-- results:peer-corpus -->\n<!-- /results -->\n<!-- results:size -->\nstudy\n<!-- /results -->\n");
        var sentry = Adapter("policy_sentry_adapter.py");
        var run = Genproof.Run("peers-report", "--paper", paper, "--cases", "20", "--seed", "1", "--sample", "2000",
            "--strategy", Adapter("example_strategy.py"), "--strategy", sentry);
        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(paper);
        // Refuted counts only: under a loaded machine a query may run out of time (unknown), which is never a refutation.
        Assert.Matches(@"\| example_strategy.py \| no-escalation \| 20 \| \d+ \| 0 \| \d+ \|", text);
        Assert.Matches(@"\| policy_sentry_adapter.py \| no-escalation \| 20 \| \d+ \| [1-9]\d* \| \d+ \|", text);
        Assert.Contains("**policy_sentry_adapter.py, no-escalation**", text);
        Assert.DoesNotContain("**example_strategy.py", text);
        Assert.Contains($"replay: `genproof check --strategy '{sentry}' --claims no-escalation --properties claims --seed 1 --case ", text);
        Assert.Contains("is granted by the refinement but by no original pattern", text);
        Assert.Contains("study", text); // bench-report's block is left alone

        var builtIn = Genproof.Run("peers-report", "--paper", paper, "--strategy", "reference");
        Assert.Equal(2, builtIn.ExitCode);
        Assert.Contains("exec: strategies only", builtIn.Stderr);
    }
}
