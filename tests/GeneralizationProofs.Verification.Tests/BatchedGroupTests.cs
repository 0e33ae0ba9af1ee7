using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The checks whose queries are asked as one batch (complete's ground memberships, one rewriter call for thousands of
/// them; NotAction non-redundancy's per-entry queries) still name the one broken member of a large batch, with every
/// engine: a refinement that is right everywhere but one place is refuted with exactly that place's counterexample.
/// </summary>
public class BatchedGroupTests
{
    public static TheoryData<string> EngineNames => new(Engines.Names.Split(", "));

    /// <summary>ec2, s3 and iam from the real catalog: about 1,000 actions, hundreds of queries in one batch.</summary>
    private static readonly ActionCatalog Catalog = TestData.SmallCatalog(TestData.Catalog().Actions
        .Where(a => a.StartsWith("ec2:") || a.StartsWith("s3:") || a.StartsWith("iam:")).ToArray());

    /// <summary>Every fourth action unused: the reference refinement is then mostly literals, one kept action each.</summary>
    private static ActionSet UnusedOf(IEnumerable<string> granted) => new(granted.Where((_, i) => i % 4 == 1).ToList());

    private static VerificationReport Verify(string engine, PolicyDocument original, JsonObject refined, ActionSet unused)
    {
        var strategy = TriePrefixGeneralizer.Reference();
        using var solver = Engines.Create(Engines.Parse(engine)!.Value);
        var verifier = new PolicyVerifier(new CheckContext(Catalog, unused, strategy, solver));
        return verifier.Verify(original, PolicyDocument.Parse(JsonNode.Parse(refined.ToJsonString())!, "refined"), strategy.Claims);
    }

    private static JsonObject Refine(PolicyDocument original, ActionSet unused) =>
        new PolicyRefiner(TriePrefixGeneralizer.Reference(), new GeneralizationContext(Catalog, unused)).Refine(original).Refined;

    [SkippableTheory]
    [MemberData(nameof(EngineNames))]
    public void OneKeptActionMissingAmongHundredsIsTheCompletenessCounterexample(string engine)
    {
        var original = PolicyWith("ec2:*");
        var unused = UnusedOf(Catalog.Actions.Where(a => a.StartsWith("ec2:")));
        var refined = Refine(original, unused);
        var actions = refined["Statement"]![0]!["Action"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        // A literal from the middle of the list, so the broken member is neither the batch's first nor its last.
        var literals = actions.Where(a => new ActionPattern(a).IsLiteral).ToList();
        Assert.True(literals.Count > 200, $"{literals.Count} literals: too few for a batch");
        var missing = literals[literals.Count / 2];
        refined["Statement"]![0]!["Action"] = new JsonArray(actions.Where(a => a != missing).Select(a => (JsonNode)a).ToArray());

        var report = Verify(engine, original, refined, unused);
        var complete = Property(report, PropertyKind.Complete);
        Assert.Equal(Verdict.Refuted, complete.Verdict);
        var counterexample = Counterexample(report, PropertyKind.Complete);
        Assert.Equal(missing, counterexample.Action);
        Assert.Contains($"kept action {missing} is no longer granted", counterexample.Explanation);
        Assert.Equal(Verdict.Proved, Property(report, PropertyKind.Sound).Verdict);
    }

    [SkippableTheory]
    [MemberData(nameof(EngineNames))]
    public void OneAddedNotActionEntryRepeatedAmongHundredsIsTheRedundantOne(string engine)
    {
        var original = PolicyDocument.FromText(
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}""", "o");
        var unused = UnusedOf(Catalog.Actions.Where(a => !a.StartsWith("iam:")));
        var refined = Refine(original, unused);
        var entries = refined["Statement"]![0]!["NotAction"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.True(entries.Count > 100, $"{entries.Count} entries: too few for a batch");
        Assert.Equal(Verdict.Proved, NotActionVerdict(Verify(engine, original, refined, unused), PropertyKind.NonRedundant).Verdict);

        // An added entry from the middle, added once more at the end: the copy leaves the first one nothing of its own.
        var twice = entries[entries.Count / 2];
        refined["Statement"]![0]!["NotAction"] = new JsonArray(entries.Append(twice).Select(a => (JsonNode)a).ToArray());
        var redundant = NotActionVerdict(Verify(engine, original, refined, unused), PropertyKind.NonRedundant);
        Assert.Equal(Verdict.Refuted, redundant.Verdict);
        Assert.Equal(twice, redundant.Counterexample!.Action);
        // Every entry before it had its witness, found in the same batch, each replayed by the matcher.
        var before = entries.IndexOf(twice) - 1; // the original iam:* is first and needs none
        Assert.Equal(before, redundant.Evidence!.Count);
        Assert.All(redundant.Evidence!, e => Assert.True(ActionPattern.Match(e.Subject, e.Witness!) && unused.Contains(e.Witness!)));
    }

    private static PropertyOutcome NotActionVerdict(VerificationReport report, PropertyKind kind) =>
        Property(report, kind).Statements.Single(s => s.Statement.Contains("NotAction"));
}
