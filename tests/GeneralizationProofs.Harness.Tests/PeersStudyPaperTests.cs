using System.Text.RegularExpressions;
using GeneralizationProofs.Harness.Papers;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The peers' study blocks committed in papers/peers.md: a full run takes half an hour, so a test cannot redo it; it checks
/// instead that each block has the shape a fresh (small) bench-report run writes into a copy of the paper, a row for the
/// reference and each peer in every folder, figures that add up across the tables, and the bench-report command that
/// wrote it, with the three adapters, under every table.
/// </summary>
public partial class PeersStudyPaperTests : IDisposable
{
    private static readonly string[] Blocks = ["size", "future-summary", "proofs", "speed", "failed"];
    private static readonly string[] Peers = ["policyuniverse_adapter.py", "policy_sentry_adapter.py", "iam_minify_adapter.py"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-peers-paper-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void TheCommittedStudyBlocksHaveAFreshRunsShapeEveryPeersRowsAndTheirCommand()
    {
        var committed = File.ReadAllText(Path.Combine(Genproof.RepoRoot(), "papers", "peers.md"));
        var fresh = FreshRun(committed);
        Assert.Empty(Problems(committed, fresh));

        // The check fails on each kind of damage.
        var blocks = ResultsBlocks.Read(committed);
        Assert.NotEmpty(Problems(committed.Replace(blocks["speed"], "\n"), fresh)); // a block left empty
        Assert.NotEmpty(Problems(committed.Replace("| median ms |", "| mean ms |"), fresh)); // a header not the command's
        Assert.NotEmpty(Problems(committed.Replace("Reproduce: `genproof bench-report", "Reproduce: `genproof bench"), fresh));
        var iamRow = blocks["failed"].Split('\n').First(l => l.Contains("iam_minify_adapter.py"));
        Assert.NotEmpty(Problems(committed.Replace(iamRow + "\n", ""), fresh)); // a peer's row dropped
        var cells = iamRow.Split('|');
        cells[4] = " 0 "; // answered: no longer adds up to the refinements
        Assert.NotEmpty(Problems(committed.Replace(iamRow, string.Join('|', cells)), fresh));
    }

    /// <summary>bench-report on two tiny catalogs with the example strategy, filling a copy of the paper.</summary>
    private string FreshRun(string committed)
    {
        var catalogs = Directory.CreateDirectory(Path.Combine(_dir.FullName, "catalogs")).FullName;
        File.WriteAllText(Path.Combine(catalogs, "a.json"),
            """{"source": "t", "date": "2024-01-01", "services": {"s3": ["GetObject", "List"]}}""");
        File.WriteAllText(Path.Combine(catalogs, "b.json"),
            """{"source": "t", "date": "2025-01-01", "services": {"s3": ["GetObject", "Put"]}}""");
        var policies = Directory.CreateDirectory(Path.Combine(_dir.FullName, "policies")).FullName;
        File.WriteAllText(Path.Combine(policies, "P.json"),
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""");
        var paper = Path.Combine(_dir.FullName, "peers.md");
        File.WriteAllText(paper, committed);
        var run = Genproof.Run("bench-report", "--out", Path.Combine(_dir.FullName, "out"), "--paper", paper, "--catalogs", catalogs,
            "--policies", policies, "--proofs", "1", "--strategy", "exec:python3 adapters/example_strategy.py");
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllText(paper);
    }

    /// <summary>What is wrong with the committed study blocks, one line each; none when they are as bench-report writes them.</summary>
    private static List<string> Problems(string committed, string fresh)
    {
        var problems = new List<string>();
        var paper = ResultsBlocks.Read(committed);
        var freshBlocks = ResultsBlocks.Read(fresh);
        var commands = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Blocks)
        {
            var rows = Rows(paper.GetValueOrDefault(name, ""));
            if (rows.Count < 2)
            {
                problems.Add($"{name}: no table");
                continue;
            }
            if (!rows[0].SequenceEqual(Rows(freshBlocks[name])[0]))
            {
                problems.Add($"{name}: header [{string.Join(" | ", rows[0])}] is not the one bench-report writes");
            }
            if (Reproduce().Match(paper[name]) is not { Success: true } command)
            {
                problems.Add($"{name}: no 'Reproduce: `genproof bench-report …`' line");
                continue;
            }
            commands.Add(command.Groups[1].Value);
            foreach (var peer in Peers.Where(p => !command.Value.Contains($"--strategy 'exec:python3 adapters/{p}'")))
            {
                problems.Add($"{name}: the command does not study {peer}");
            }
            var folders = rows.Skip(1).Where(r => r[0] == "reference").Select(r => r[1]).ToList();
            foreach (var folder in folders)
            {
                foreach (var peer in Peers.Where(p => !rows.Any(r => r[0] == $"exec:python3 adapters/{p}" && r[1] == folder)))
                {
                    problems.Add($"{name}: no row for {peer} in {folder}");
                }
            }
        }
        if (commands.Count > 1)
        {
            problems.Add($"the blocks come from {commands.Count} different commands");
        }
        problems.AddRange(Arithmetic(paper));
        return problems;
    }

    /// <summary>Figures that must add up: every refinement answered or counted as failed; every proof sample accounted for.</summary>
    private static IEnumerable<string> Arithmetic(Dictionary<string, string> paper)
    {
        var failed = Rows(paper.GetValueOrDefault("failed", "")).Skip(1).ToList();
        foreach (var row in failed)
        {
            var n = row.Skip(2).Select(Number).ToList(); // refinements, answered, failed, timed out, not sent
            if (n.Count < 5 || n[0] != n[1] + n[2] + n[3] + n[4])
            {
                yield return $"failed: {row[0]} in {row[1]}: refinements are not answered + failed + timed out + not sent";
            }
            var reference = failed.FirstOrDefault(r => r[0] == "reference" && r[1] == row[1]);
            if (reference is not null && Number(reference[2]) != n[0])
            {
                yield return $"failed: {row[0]} in {row[1]} was asked {n[0]} refinements, the reference {reference[2]}";
            }
        }
        foreach (var row in Rows(paper.GetValueOrDefault("proofs", "")).Skip(1))
        {
            var n = row.Skip(2).Take(5).Select(Number).ToList(); // policies, proved, refuted, unknown, failed
            if (n.Count < 5 || n[0] != n[1] + n[2] + n[3] + n[4])
            {
                yield return $"proofs: {row[0]} in {row[1]}: policies are not proved + refuted + unknown + failed";
            }
        }
    }

    private static long Number(string cell) => long.Parse(cell.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells of each Markdown table line of a block, the separator line left out.</summary>
    private static List<string[]> Rows(string block) => block.Split('\n').Where(l => l.StartsWith('|') && !l.StartsWith("|---"))
        .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();

    [GeneratedRegex(@"Reproduce: `(genproof bench-report [^`]+)`")]
    private static partial Regex Reproduce();
}
