using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>refine --format explain</c> (issue 17 part 4): what it says is computed from the unused set, checked here against
/// seeded random unused sets on the real catalog, and the checker is shown to catch an explanation of other unused
/// actions. Colour only on a terminal: no escape code with <c>--no-color</c>, <c>NO_COLOR</c> or a redirected stdout.
/// </summary>
public partial class ExplanationTests
{
    private static readonly Lazy<Catalog.ActionCatalog> Catalog = new(() => TestData.Catalog());

    private static PolicyDocument Policy(string statements) =>
        PolicyDocument.Parse(JsonNode.Parse($$"""{"Version": "2012-10-17", "Statement": [{{statements}}]}""")!, "test.json");

    private static (PolicyRefinement Refinement, GeneralizationContext Context, List<ExplainLine> Lines) Explain(
        IGeneralizer strategy, string statements, ActionSet unused)
    {
        var context = new GeneralizationContext(Catalog.Value, unused);
        var refinement = strategy.Refine(Policy(statements), context);
        return (refinement, context, RefinementExplanation.Of(refinement, context, strategy, PolicyType.Managed));
    }

    /// <summary>A seeded fifth of the actions under <paramref name="prefix"/>, marked unused.</summary>
    private static ActionSet RandomUnused(string prefix, int seed)
    {
        var random = new Random(seed);
        return new ActionSet(Catalog.Value.WithPrefix(prefix).ToArray().Where(_ => random.NextDouble() < 0.2));
    }

    /// <summary>What is wrong with the explanation's node reasons for this unused set (empty when all hold).</summary>
    private static List<string> Problems(IEnumerable<ExplainLine> lines, ActionSet unused, IReadOnlyList<string> outputs)
    {
        var problems = new List<string>();
        foreach (var line in lines)
        {
            if (UnsafeLine().Match(line.Text) is { Success: true } m)
            {
                var (node, named) = (m.Groups[1].Value, m.Groups[2].Value);
                var first = unused.Actions.FirstOrDefault(a => AsciiCase.StartsWith(a, node));
                if (!unused.Contains(named) || !AsciiCase.StartsWith(named, node) || first != named)
                {
                    problems.Add($"{line.Text}: expected the unused action {first ?? "(none)"}");
                }
            }
            if (EmitLine().Match(line.Text) is { Success: true } e && !outputs.Contains(e.Groups[1].Value))
            {
                problems.Add($"{line.Text}: not an output");
            }
        }
        return problems;
    }

    [Theory]
    [InlineData("reference", 1)]
    [InlineData("reference", 2)]
    [InlineData("character", 3)]
    [InlineData("tightest", 4)]
    public void EachUnsafeNodeNamesTheUnusedActionThatMadeItUnsafe(string strategyName, int seed)
    {
        var unused = RandomUnused("s3:Get", seed);
        var (refinement, context, lines) = Explain(Strategies.Find(strategyName)!,
            """{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}""", unused);
        var outputs = refinement.Statements.Single().Entries.Single().Outputs;

        Assert.Empty(Problems(lines, unused, outputs));
        Assert.Contains(lines, l => UnsafeLine().IsMatch(l.Text));
        var excluded = Catalog.Value.Matching(new ActionPattern("s3:Get*")).Count(unused.Contains);
        Assert.Contains(lines, l => l.Text.StartsWith($"excludes {excluded} unused action(s): ", StringComparison.Ordinal));
        // Every output is explained, and each M2 line names a kept action no other output grants.
        Assert.All(outputs, o => Assert.Contains(lines, l => l.Text.StartsWith($"M2 {o}: needed for ", StringComparison.Ordinal)));
        foreach (var m2 in lines.Select(l => M2Line().Match(l.Text)).Where(m => m.Success))
        {
            var action = m2.Groups[2].Value;
            Assert.False(unused.Contains(action), action);
            Assert.Equal([m2.Groups[1].Value], outputs.Where(o => ActionPattern.Match(o, action)));
        }

        // The checker catches an explanation of other unused actions: drop the first named one from the set.
        var named = lines.Select(l => UnsafeLine().Match(l.Text)).First(m => m.Success).Groups[2].Value;
        var other = new ActionSet(unused.Actions.Where(a => a != named));
        Assert.NotEmpty(Problems(lines, other, outputs));
        Assert.Equal(context.Unused, unused);
    }

    [Fact]
    public void ANotActionStatementSaysWhatEachAddedEntryExcludes()
    {
        var unused = RandomUnused("sqs:", seed: 7);
        var (refinement, _, lines) = Explain(Strategies.Find("reference")!,
            """{"Sid": "AllButIam", "Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}""", unused);
        var statement = refinement.Statements.Single();
        Assert.NotEmpty(statement.Added!);
        foreach (var added in statement.Added!)
        {
            var excluded = unused.Actions.Where(a => ActionPattern.Match(added, a)).ToList();
            Assert.Contains(lines, l => l.Text.StartsWith($"NotAction + {added}: excludes {excluded.Count} unused action(s) it granted: "
                + excluded[0], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ColourOnlyOnATerminalWithoutNoColor()
    {
        Assert.True(Cli.Verbs.ExplainWriter.UseColour(noColorOption: false, noColorVariable: null, outputIsTerminal: true));
        Assert.True(Cli.Verbs.ExplainWriter.UseColour(false, "", true)); // NO_COLOR set but empty does not count
        Assert.False(Cli.Verbs.ExplainWriter.UseColour(false, "1", true));
        Assert.False(Cli.Verbs.ExplainWriter.UseColour(true, null, true));
        Assert.False(Cli.Verbs.ExplainWriter.UseColour(false, null, outputIsTerminal: false));

        var (_, _, lines) = Explain(Strategies.Find("reference")!, """{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}""",
            RandomUnused("s3:Get", 1));
        var plain = Cli.Verbs.ExplainWriter.Render(lines, colour: false);
        var coloured = Cli.Verbs.ExplainWriter.Render(lines, colour: true);
        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[", coloured);
        Assert.Equal(plain, Escape().Replace(coloured, "")); // colour adds escapes, nothing else
    }

    [GeneratedRegex(@"^unsafe (\S+): unused (\S+) starts with it")]
    private static partial Regex UnsafeLine();

    [GeneratedRegex(@"^emit (\S+):")]
    private static partial Regex EmitLine();

    [GeneratedRegex(@"^M2 (\S+): needed for (\S+), which")]
    private static partial Regex M2Line();

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Escape();
}
