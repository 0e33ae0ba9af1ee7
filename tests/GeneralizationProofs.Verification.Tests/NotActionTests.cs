using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.Reports;
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
/// Allow + NotAction statements proved (spec §3, issue 17) and the whole-document verdict (spec §4, issues 12 item 7 and
/// 16): issue 16's policy refined and proved by every real strategy; each NotAction check, the key comparison and the
/// accounting shown to fail on a deliberately broken refinement, with the counterexample string it must name.
/// Real Z3 throughout.
/// </summary>
public class NotActionTests
{
    private const string Issue16 = """
        {"Version": "2012-10-17", "Id": "issue16", "x-owner": "team-a", "Statement": [
          {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
          {"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"},
          {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::locked/*"}
        ]}
        """;

    // All of them are outside iam:*, so the NotAction statement grants all eight. ec2:DescribeVolumeAttribute stays kept.
    private static readonly string[] UnusedActions =
    [
        "ec2:DescribeVolumeStatus", "ec2:DescribeVolumes", "ec2:DescribeVolumesModifications", "ec2:RunInstances",
        "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetObjectTagging", "s3:PutObject",
    ];

    private static readonly ActionSet Unused = new(UnusedActions);

    private static PolicyDocument Original => PolicyDocument.FromText(Issue16, "issue16");

    public static TheoryData<string> Real => new(Strategies.All.Select(s => s.Name));

    private static VerificationReport Verify(PolicyDocument refined, PropertyKind? claimed = null, IGeneralizer? strategy = null)
    {
        strategy ??= TriePrefixGeneralizer.Reference();
        using var solver = new Z3Session();
        var context = new CheckContext(TestData.Catalog(), Unused, strategy, solver);
        return new PolicyVerifier(context).Verify(Original, refined, claimed ?? strategy.Claims);
    }

    /// <summary>The reference's refinement with the NotAction list (statement 0) or the whole document changed by hand.</summary>
    private static PolicyDocument Tampered(Func<List<string>, IEnumerable<string>>? notAction = null, Action<JsonObject>? document = null)
    {
        var refined = new PolicyRefiner(TriePrefixGeneralizer.Reference(), new GeneralizationContext(TestData.Catalog(), Unused))
            .Refine(Original).Refined;
        if (notAction is not null)
        {
            var list = refined["Statement"]![0]!["NotAction"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            refined["Statement"]![0]!["NotAction"] = new JsonArray(notAction(list).Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        }
        document?.Invoke(refined);
        return PolicyDocument.Parse(JsonNode.Parse(refined.ToJsonString())!, "refined");
    }

    private static PropertyOutcome NotActionOutcome(VerificationReport report, PropertyKind kind) =>
        Property(report, kind).Statements.Single(s => s.Statement == "Statement 0 (NotAction)");

    private static Account Account(VerificationReport report, string subject) => report.Accounting!.Single(a => a.Subject == subject);

    [SkippableTheory]
    [MemberData(nameof(Real))]
    public void Issue16IsRefinedAndProvedByEveryRealStrategyAndEveryPartIsAccountedFor(string name)
    {
        var strategy = Strategies.Find(name)!;
        var report = RefineAndVerify(strategy, TestData.Catalog(), Original, Unused);
        Assert.True(report.Proved, ReportWriter.Text(report));
        foreach (var kind in new[] { PropertyKind.Sound, PropertyKind.NoEscalation, PropertyKind.Complete, PropertyKind.NonRedundant })
        {
            Assert.Equal(Verdict.Proved, NotActionOutcome(report, kind).Verdict);
        }
        Assert.False(report.GrantsUnused);
        Assert.Equal(AccountStatus.Refined, Account(report, "Statement 0 (Allow, NotAction)").Status);
        Assert.Equal(AccountStatus.Refined, Account(report, "Statement 1 (Allow)").Status);
        Assert.Equal("unchanged, not refined by design (a Deny is never widened or removed)", Account(report, "Statement 2 (Deny)").Detail);
        Assert.All(new[] { "Version", "Id", "x-owner" }, key => Assert.Equal(AccountStatus.Unchanged, Account(report, key).Status));
        var text = ReportWriter.Text(report);
        Assert.Contains("Statement 0 (Allow, NotAction): refined, NotAction 1 -> ", text);
        // M1 and M3 are measured (or claimed) for Action lists; for NotAction additions the report says they are not defined.
        Assert.Contains("maximal, minimum-size: not defined for NotAction additions (spec §3), not checked",
            Account(report, "Statement 0 (Allow, NotAction)").Detail);
    }

    [SkippableFact]
    public void TheRefinedFileWithTheNotActionStatementLeftAloneIsNotSoundAndSaysWhatItStillGrants()
    {
        var report = Verify(Tampered(notAction: _ => ["iam:*"]));
        Assert.Equal(Verdict.Refuted, report.Verdict);
        var sound = NotActionOutcome(report, PropertyKind.Sound);
        Assert.Equal(Verdict.Refuted, sound.Verdict);
        Assert.Contains(sound.Counterexample!.Action, UnusedActions);
        var account = Account(report, "Statement 0 (Allow, NotAction)");
        Assert.Equal(UnusedActions.Order(AsciiCase.Comparer), account.StillGranted);
        var text = ReportWriter.Text(report);
        Assert.Contains("Statement 0 (Allow, NotAction): unchanged;", text);
        Assert.Contains("    STILL GRANTED unused: ec2:DescribeVolumes, ec2:DescribeVolumesModifications, ec2:DescribeVolumeStatus", text);
        Assert.Contains("\"stillGrantedUnused\": [\n        \"ec2:DescribeVolumes\"", ReportWriter.Json(report));
        Assert.DoesNotContain("PROVED", text);

        // Asked only for completeness, the verdict still says that unused actions remain granted.
        var onlyComplete = Verify(Tampered(notAction: _ => ["iam:*"]), PropertyKind.Complete);
        Assert.Equal(Verdict.Proved, onlyComplete.Verdict);
        Assert.Contains("but unused actions remain granted", ReportWriter.Text(onlyComplete));
    }

    /// <summary>A plug-in written before NotAction was refined (no NotActionAdditions): verbatim, never called sound.</summary>
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

    [SkippableFact]
    public void AStrategyThatCannotRefineNotActionIsNeverReportedSound()
    {
        var report = RefineAndVerify(new ActionOnly(), TestData.Catalog(), Original, Unused);
        Assert.Equal(Verdict.Refuted, report.Verdict);
        Assert.Equal(Verdict.Refuted, NotActionOutcome(report, PropertyKind.Sound).Verdict);
        Assert.Equal(8, Account(report, "Statement 0 (Allow, NotAction)").StillGranted.Count);
        Assert.Empty(Account(report, "Statement 1 (Allow)").StillGranted);
    }

    public static TheoryData<string, string> DocumentKeyChanges => new()
    {
        { "Version changed", "document key Version was changed from \"2012-10-17\" to \"2008-10-17\"" },
        { "Id dropped", "document key Id was dropped (it was \"issue16\")" },
        { "unknown key dropped", "document key x-owner was dropped (it was \"team-a\")" },
        { "key added", "document key Extra was added (true)" },
    };

    [SkippableTheory]
    [MemberData(nameof(DocumentKeyChanges))]
    public void AChangedDroppedOrAddedDocumentKeyIsRefuted(string change, string problem)
    {
        var report = Verify(Tampered(document: d =>
        {
            switch (change)
            {
                case "Version changed":
                    d["Version"] = "2008-10-17";
                    break;
                case "Id dropped":
                    d.Remove("Id");
                    break;
                case "unknown key dropped":
                    d.Remove("x-owner");
                    break;
                default:
                    d["Extra"] = true;
                    break;
            }
        }));
        Assert.Equal(Verdict.Refuted, report.Verdict);
        Assert.Contains(problem, report.StructureProblems);
        Assert.Contains(report.Accounting!, a => a.Status == AccountStatus.Problem);
        Assert.Contains($"STRUCTURE: {problem}", ReportWriter.Text(report));
    }

    [SkippableFact]
    public void AnAddedWildcardThatExcludesAKeptActionIsIncomplete()
    {
        // ec2:DescribeVolume* excludes the three unused volume actions and the kept DescribeVolumeAttribute too.
        var report = Verify(Tampered(notAction: list =>
            list.Where(a => !a.StartsWith("ec2:DescribeVolume")).Append("ec2:DescribeVolume*")));
        var complete = NotActionOutcome(report, PropertyKind.Complete);
        Assert.Equal(Verdict.Refuted, complete.Verdict);
        Assert.Equal("ec2:DescribeVolumeAttribute", complete.Counterexample!.Action);
        Assert.Equal(["ec2:DescribeVolume*"], complete.Counterexample.RefinedPatterns);
        Assert.Equal(Verdict.Proved, NotActionOutcome(report, PropertyKind.Sound).Verdict);
        Assert.Equal(Verdict.Refuted, report.Verdict);
    }

    [SkippableFact]
    public void ARefinementThatForgetsAnUnusedActionIsUnsound()
    {
        var report = Verify(Tampered(notAction: list => list.Where(a => a != "s3:PutObject")));
        var sound = NotActionOutcome(report, PropertyKind.Sound);
        Assert.Equal(Verdict.Refuted, sound.Verdict);
        Assert.Equal("s3:PutObject", sound.Counterexample!.Action);
        Assert.Equal(["s3:PutObject"], Account(report, "Statement 0 (Allow, NotAction)").StillGranted);
        Assert.Equal(Verdict.Proved, NotActionOutcome(report, PropertyKind.Complete).Verdict);
    }

    [SkippableFact]
    public void ARefinementThatNarrowsTheOriginalListEscalates()
    {
        // iam:* became iam:Get*: every other iam string is granted now. The witness is the solver's; the matcher checks it.
        var report = Verify(Tampered(notAction: list => list.Select(a => a == "iam:*" ? "iam:Get*" : a)));
        var escalation = NotActionOutcome(report, PropertyKind.NoEscalation);
        Assert.Equal(Verdict.Refuted, escalation.Verdict);
        var witness = escalation.Counterexample!.Action;
        Assert.True(ActionPattern.Match("iam:*", witness) && !ActionPattern.Match("iam:Get*", witness), witness);
        Assert.Equal(["iam:*"], escalation.Counterexample.OriginalPatterns);
    }

    [SkippableFact]
    public void ARefinementThatDropsAnExcludedLiteralEscalatesWithThatLiteral()
    {
        var twoEntries = Issue16.Replace("\"NotAction\": \"iam:*\"", "\"NotAction\": [\"iam:*\", \"sts:AssumeRole\"]");
        var original = PolicyDocument.FromText(twoEntries, "o");
        var refined = new PolicyRefiner(TriePrefixGeneralizer.Reference(), new GeneralizationContext(TestData.Catalog(), Unused))
            .Refine(original).Refined;
        refined["Statement"]![0]!["NotAction"]!.AsArray().RemoveAt(1);
        using var solver = new Z3Session();
        var report = new PolicyVerifier(new CheckContext(TestData.Catalog(), Unused, TriePrefixGeneralizer.Reference(), solver))
            .Verify(original, PolicyDocument.Parse(JsonNode.Parse(refined.ToJsonString())!, "r"), TriePrefixGeneralizer.Reference().Claims);
        var escalation = NotActionOutcome(report, PropertyKind.NoEscalation);
        Assert.Equal(Verdict.Refuted, escalation.Verdict);
        Assert.Equal("sts:AssumeRole", escalation.Counterexample!.Action);
    }

    [Fact]
    public void AnEntryWithALeadingWildcardIsProvedKeptAndCaughtWhenNarrowed()
    {
        // *:Delete* shares the empty literal prefix with every entry and every catalog action; its kept copy alone proves it.
        var catalog = TestData.SmallCatalog("iam:GetUser", "s3:GetObject", "s3:DeleteObject", "s3:PutObject", "ec2:DeleteVolume",
            "ec2:RunInstances", "ec2:DescribeInstances", "lambda:DeleteFunction", "lambda:InvokeFunction");
        var unused = new ActionSet(["s3:PutObject", "ec2:RunInstances", "lambda:DeleteFunction"]);
        var text = """{"Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "*:Delete*"], "Resource": "*"}]}""";
        var policy = PolicyDocument.FromText(text, "o");
        var strategy = TriePrefixGeneralizer.Reference();
        var refinement = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy);
        Assert.Equal(["iam:*", "*:Delete*", "ec2:RunInstances", "s3:PutObject"], refinement.Statements[0].RefinedActions);
        using var solver = new Z3Session();
        var verifier = new PolicyVerifier(new CheckContext(catalog, unused, strategy, solver));
        var proved = verifier.Verify(policy, PolicyDocument.Parse(refinement.Refined, "r"), strategy.Claims);
        Assert.True(proved.Proved, ReportWriter.Text(proved));

        var narrowed = (JsonObject)JsonNode.Parse(refinement.Refined.ToJsonString())!;
        narrowed["Statement"]![0]!["NotAction"]![1] = "ec2:Delete*";
        var report = verifier.Verify(policy, PolicyDocument.Parse(narrowed, "r"), strategy.Claims);
        var witness = NotActionOutcome(report, PropertyKind.NoEscalation).Counterexample!.Action;
        Assert.True(ActionPattern.Match("*:Delete*", witness) && !ActionPattern.Match("ec2:Delete*", witness), witness);
    }

    [SkippableFact]
    public void AnAddedEntryThatExcludesNothingNewIsRedundant()
    {
        // Added twice: each copy has the other among the entries that already exclude its actions.
        var duplicate = Verify(Tampered(notAction: list => list.Append("s3:GetBucketAcl")));
        var twice = NotActionOutcome(duplicate, PropertyKind.NonRedundant);
        Assert.Equal(Verdict.Refuted, twice.Verdict);
        Assert.Equal("s3:GetBucketAcl", twice.Counterexample!.Action);

        // An added entry inside what the original already excluded excludes no unused action the statement granted.
        var inside = Verify(Tampered(notAction: list => list.Append("iam:GetUser")));
        var redundant = NotActionOutcome(inside, PropertyKind.NonRedundant);
        Assert.Equal(Verdict.Refuted, redundant.Verdict);
        Assert.Equal("iam:GetUser", redundant.Counterexample!.Action);
        Assert.Equal(Verdict.Proved, NotActionOutcome(inside, PropertyKind.Sound).Verdict);
    }

    [SkippableFact]
    public void AChangedDenyIsAStructureProblemAndARemovedNotActionStatementIsJudgedAsGrantingNothing()
    {
        var report = Verify(Tampered(document: d =>
        {
            d["Statement"]![2]!["Action"] = "s3:Put*";
            d["Statement"]!.AsArray().RemoveAt(0);
        }));
        Assert.Equal(Verdict.Refuted, report.Verdict);
        Assert.Equal(AccountStatus.Problem, Account(report, "Statement 2 (Deny)").Status);
        Assert.Equal(AccountStatus.Removed, Account(report, "Statement 0 (Allow, NotAction)").Status);
        // Granting nothing loses the kept actions it granted.
        Assert.Equal(Verdict.Refuted, NotActionOutcome(report, PropertyKind.Complete).Verdict);
        Assert.Equal(Verdict.Proved, NotActionOutcome(report, PropertyKind.Sound).Verdict);
    }

    /// <summary>PowerUserAccess, the corpus's Allow + NotAction statement, with unused actions drawn from its grants.</summary>
    [SkippableFact]
    public void PowerUserAccessIsRefinedAndProvedWithItsNotActionGrantsDrawnFrom()
    {
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        using var solver = new Z3Session();
        var proof = new CorpusProof(catalog, TriePrefixGeneralizer.Reference(), 0.05, seed: 1)
            .Prove(TestData.Path("policies/aws-managed-raw/PowerUserAccess"), solver);
        Assert.True(proof.Status == PolicyStatus.Proved, ReportWriter.Text(proof.Report!, withEvidence: false));
        var notAction = proof.Refinement!.Statements[0];
        Assert.Equal(StatementOutcome.Refined, notAction.Outcome);
        Assert.True(notAction.GrantedUnused!.Count > 900, $"{notAction.GrantedUnused.Count} unused actions excluded");
        Assert.Contains(proof.Report!.Properties.Single(p => p.Property == PropertyKind.Sound).Statements,
            s => s.Statement == "Statement 0 (NotAction)" && s.Verdict == Verdict.Proved);
    }
}
