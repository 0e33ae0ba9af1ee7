using System.Text.RegularExpressions;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>refine --format explain --strategy compact</c>: where compact's one-star glob cover is the output, the explanation
/// says so with both candidates' costs and explains each glob, rather than the character trie's walk it did not emit.
/// </summary>
public partial class ExplanationTests
{
    /// <summary>What is wrong with the explanation's glob lines for this unused set (empty when all hold).</summary>
    private static List<string> GlobProblems(IEnumerable<ExplainLine> lines, ActionSet unused)
    {
        var problems = new List<string>();
        foreach (var m in lines.Select(l => GlobLine().Match(l.Text)).Where(m => m.Success))
        {
            var granted = Catalog.Value.Actions.Where(a => ActionPattern.Match(m.Groups[1].Value, a)).ToList();
            var kept = granted.Count(a => !unused.Contains(a));
            if (kept != int.Parse(m.Groups[2].Value) || granted.Any(unused.Contains))
            {
                problems.Add($"{m.Value}: grants {kept} kept and {granted.Count(unused.Contains)} unused action(s)");
            }
        }
        return problems;
    }

    [Fact]
    public void WhereTheGlobCoverWinsTheGlobsAreExplainedNotTheTrie()
    {
        var compact = Strategies.Find("compact")!;
        var won = 0;
        for (var seed = 1; seed <= 8; seed++)
        {
            var unused = RandomUnused("s3:Get", seed);
            var (refinement, context, lines) = Explain(compact, """{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}""", unused);
            var outputs = refinement.Statements.Single().Entries.Single().Outputs;
            var choice = CompactGeneralizer.Choose(new ActionPattern("s3:Get*"), context);
            Assert.Equal(choice.Output, outputs);
            var costs = lines.Single(l => l.Text.StartsWith("compact: ", StringComparison.Ordinal)).Text;
            Assert.Contains($"prefixes cost {choice.Prefixes.Sum(p => p.Length + 3)} characters", costs);
            if (!choice.CoverWon)
            {
                Assert.Contains("the prefixes are not longer and are the output", costs);
                Assert.DoesNotContain(lines, l => GlobLine().IsMatch(l.Text));
                continue;
            }
            won++;
            Assert.Contains($"glob cover {outputs.Sum(o => o.Length + 3)} ({outputs.Count} glob(s)): the cover is shorter", costs);
            Assert.DoesNotContain(lines, l => l.Text.Contains("character trie's walk", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Text.StartsWith("emit ", StringComparison.Ordinal));
            Assert.Equal(outputs, lines.Select(l => GlobLine().Match(l.Text)).Where(m => m.Success).Select(m => m.Groups[1].Value));
            Assert.Empty(GlobProblems(lines, unused));

            // The checker catches an explanation of another unused set: one kept action of the first glob marked unused.
            var keptAction = Catalog.Value.Matching(new ActionPattern(outputs[0])).First(a => !unused.Contains(a));
            Assert.NotEmpty(GlobProblems(lines, new ActionSet(unused.Actions.Append(keptAction))));
        }
        Assert.True(won > 0, "no seed made the glob cover win: the test checked nothing about it");
    }

    [GeneratedRegex(@"^glob (\S+): grants (\d+) kept action\(s\)[^;]*; no unused action; ")]
    private static partial Regex GlobLine();
}
