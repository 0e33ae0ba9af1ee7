using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Spec §3 (issue 17): an Allow + NotAction statement X is refined by appending entries that exclude the unused
/// actions it granted; nothing else changes. Each expected output is worked out by hand from the small catalog.
/// </summary>
public class NotActionRefinementTests
{
    // Issue 16's shape: everything but iam, beside an s3:Get* statement; unused s3 and ec2 actions.
    private static readonly ActionCatalog Catalog = TestData.SmallCatalog(
        "iam:CreateUser", "iam:GetUser", "s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:PutObject",
        "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeVolumeStatus", "ec2:RunInstances", "ec2:StartInstances");

    private static readonly ActionSet Unused = new([
        "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:PutObject", "ec2:DescribeVolumes", "ec2:DescribeVolumeStatus",
        "ec2:RunInstances", "iam:GetUser"]);

    private const string Issue16 = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Everything", "Effect": "Allow", "NotAction": "iam:*", "Resource": "*",
           "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
          {"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}
        ]}
        """;

    private static PolicyRefinement Refine(IGeneralizer strategy, string policy, ActionSet? unused = null, ActionCatalog? catalog = null) =>
        new PolicyRefiner(strategy, new GeneralizationContext(catalog ?? Catalog, unused ?? Unused))
            .Refine(PolicyDocument.FromText(policy, "p.json"));

    private static List<string> NotAction(PolicyRefinement refinement, int statement = 0) =>
        refinement.Refined["Statement"]![statement]!["NotAction"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public static TheoryData<string, string[]> Expected => new()
    {
        // ec2:DescribeVolume* covers both unused volume actions and no kept one; DescribeVolumes* is covered by it.
        // s3:Get is unsafe (GetObject is kept), s3:GetBucket is safe; one action under a safe node goes as a literal.
        { "reference", ["iam:*", "ec2:DescribeVolume*", "ec2:RunInstances", "s3:GetBucket*", "s3:PutObject"] },
        { "tightest", ["iam:*", "ec2:DescribeVolume*", "ec2:RunInstances", "s3:GetBucket*", "s3:PutObject"] },
        { "verb-noun", ["iam:*", "ec2:DescribeVolume*", "ec2:RunInstances", "s3:GetBucket*", "s3:PutObject"] },
        { "character", ["iam:*", "ec2:DescribeV*", "ec2:RunInstances", "s3:GetB*", "s3:PutObject"] },
        { "enumeration", ["iam:*", "ec2:DescribeVolumes", "ec2:DescribeVolumeStatus", "ec2:RunInstances", "s3:GetBucketAcl",
            "s3:GetBucketPolicy", "s3:PutObject"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void TheNotActionListGainsTheTightestExclusionsInCatalogOrderAndNothingElseChanges(string name, string[] expected)
    {
        var refinement = Refine(Strategies.Find(name)!, Issue16);
        Assert.Equal(expected, NotAction(refinement));
        var statement = refinement.Refined["Statement"]![0]!.AsObject();
        Assert.Equal(["Sid", "Effect", "NotAction", "Resource", "Condition"], statement.Select(p => p.Key));
        var original = PolicyDocument.FromText(Issue16, "p.json").Statements[0].Node;
        foreach (var key in new[] { "Sid", "Effect", "Resource", "Condition" })
        {
            Assert.True(JsonNode.DeepEquals(original[key], statement[key]), key);
        }
        var notAction = refinement.Statements[0];
        Assert.Equal(StatementOutcome.Refined, notAction.Outcome);
        Assert.Equal(6, notAction.GrantedUnused!.Count); // iam:GetUser was never granted: iam:* excluded it
        Assert.Contains("NotAction 1 -> ", RefinementOutput.Diff(refinement));
    }

    /// <summary>A brute-force oracle over the catalog and a few strings outside it: the refined statement grants exactly
    /// what the original granted minus the unused actions, and nothing the original did not.</summary>
    [Theory]
    [MemberData(nameof(Expected))]
    public void EveryRealStrategyExcludesExactlyTheUnusedActionsTheStatementGranted(string name, string[] _)
    {
        var refined = NotAction(Refine(Strategies.Find(name)!, Issue16));
        string[] future = ["s3:GetBucketNew", "ec2:DescribeVolumeNew", "newservice:Do", "iam:NewThing"];
        foreach (var action in Catalog.Actions.Concat(future))
        {
            var grantedBefore = !ActionPattern.Match("iam:*", action);
            var grantedAfter = !refined.Any(p => ActionPattern.Match(p, action));
            Assert.False(grantedAfter && !grantedBefore, $"{name} grants {action}, which the original excluded");
            if (Catalog.Contains(action))
            {
                Assert.Equal(grantedBefore && !Unused.Contains(action), grantedAfter);
            }
        }
    }

    [Fact]
    public void AGlobNeverCoversACatalogActionTheListAlreadyExcluded()
    {
        // s3:Get* would exclude the three unused actions, but also GetObject, which X already excludes: the brief's rule
        // is that every catalog action under an added glob is unused and granted, so it descends.
        var catalog = TestData.SmallCatalog("s3:GetObject", "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetJobTagging", "s3:PutObject");
        var unused = new ActionSet(["s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetJobTagging"]);
        var policy = """{"Statement": {"Effect": "Allow", "NotAction": ["s3:GetObject"], "Resource": "*"}}""";
        var refinement = Refine(TriePrefixGeneralizer.Reference(), policy, unused, catalog);
        Assert.Equal(["s3:GetObject", "s3:GetBucket*", "s3:GetJobTagging"], refinement.Refined["Statement"]!["NotAction"]!.AsArray()
            .Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void WithNothingUnusedInItTheStatementIsUnchangedAndAStringStaysAString()
    {
        var refinement = Refine(TriePrefixGeneralizer.Reference(), Issue16, new ActionSet(["iam:GetUser", "iam:CreateUser"]));
        Assert.Equal(StatementOutcome.Unchanged, refinement.Statements[0].Outcome);
        Assert.Equal("iam:*", refinement.Refined["Statement"]![0]!["NotAction"]!.GetValue<string>());
        Assert.Empty(refinement.Statements[0].GrantedUnused!);
    }

    [Fact]
    public void DenyStatementsWithNotActionStayUntouched()
    {
        var policy = """
            {"Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"},
                           {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}
            """;
        var refinement = Refine(TriePrefixGeneralizer.Reference(), policy);
        Assert.Equal(StatementOutcome.DenyKept, refinement.Statements[0].Outcome);
        Assert.Equal("iam:*", refinement.Refined["Statement"]![0]!["NotAction"]!.GetValue<string>());
    }

    [Fact]
    public void RefiningTheRefinedPolicyAgainChangesNothing()
    {
        foreach (var strategy in Strategies.All)
        {
            var once = PolicyDocument.Write(Refine(strategy, Issue16).Refined);
            Assert.Equal(once, PolicyDocument.Write(Refine(strategy, once).Refined));
        }
    }

    [Fact]
    public void AnUnusedActionTheCatalogDoesNotKnowIsExcludedToo()
    {
        var unused = new ActionSet([.. Unused.Actions, "ec2:DescribeVolumesTomorrow", "lambda:InvokeFunction"]);
        var refined = NotAction(Refine(TriePrefixGeneralizer.Reference(), Issue16, unused));
        Assert.Contains("lambda:InvokeFunction", refined);
        Assert.Contains(refined, p => ActionPattern.Match(p, "ec2:DescribeVolumesTomorrow"));
        Assert.DoesNotContain(refined, p => ActionPattern.Match(p, "ec2:DescribeInstances"));
    }

    /// <summary>A plug-in written before NotAction was refined: it does not implement NotActionAdditions.</summary>
    private sealed class ActionOnly : IGeneralizer
    {
        private readonly IGeneralizer _reference = TriePrefixGeneralizer.Reference();
        public string Name => "action-only";
        public string Description => "the reference, for Action lists only";
        public PropertyKind Claims => _reference.Claims;
        public string? CoarserPrefix(string literalPrefix) => _reference.CoarserPrefix(literalPrefix);
        public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context) =>
            _reference.Generalize(entry, context);
    }

    [Fact]
    public void AStrategyThatCannotRefineNotActionKeepsItVerbatimAndSaysWhatItStillGrants()
    {
        var refinement = Refine(new ActionOnly(), Issue16);
        Assert.Equal(StatementOutcome.NotActionKept, refinement.Statements[0].Outcome);
        Assert.Equal("iam:*", refinement.Refined["Statement"]![0]!["NotAction"]!.GetValue<string>());
        var note = Assert.Single(refinement.Notes(), n => n.Contains("NotAction"));
        Assert.Contains("Statement 0 (Sid Everything): Allow with NotAction is not refinable by strategy 'action-only'", note);
        Assert.Contains("still grants 6 unused action(s): ec2:DescribeVolumes, ec2:DescribeVolumeStatus, ec2:RunInstances", note);
        Assert.Contains("note: Statement 0 (Sid Everything)", RefinementOutput.Diff(refinement));
    }

    /// <summary>PowerUserAccess, the corpus's one Allow + NotAction statement: its grants are now drawn from too.</summary>
    [SkippableFact]
    public void PowerUserAccessGrantsAreDrawnFromAndItsNotActionIsRefinedByBruteForce()
    {
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var policy = PolicyDocument.Load(TestData.Path("policies/aws-managed-raw/PowerUserAccess"));
        var granted = CorpusCase.Granted(policy, catalog);
        Assert.True(granted.Count > 20_000, $"NotAction [iam:*, organizations:*, account:*] grants most of the catalog: {granted.Count}");
        var unused = CorpusCase.Unused(policy, granted, 0.05, seed: 1);
        var refinement = new PolicyRefiner(TriePrefixGeneralizer.Reference(), new GeneralizationContext(catalog, unused)).Refine(policy);
        var statement = refinement.Statements[0];
        Assert.True(statement.Original.IsAllowNotAction);
        Assert.Equal(["iam:*", "organizations:*", "account:*"], statement.RefinedActions.Take(3));
        var refined = new NotActionExclusions.PatternsByPrefix(statement.RefinedActions);
        foreach (var action in catalog.Actions)
        {
            var before = !statement.Original.Actions.Any(p => ActionPattern.Match(p, action));
            Assert.Equal(before && !unused.Contains(action), !refined.AnyMatches(action));
        }
        Assert.True(statement.GrantedUnused!.Count > 900, $"{statement.GrantedUnused.Count} unused actions excluded");
    }
}
