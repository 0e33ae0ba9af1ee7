using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The proof that the checks can fail: each mutant is refuted by the right checker with the right counterexample,
/// and the reference is proved on the same input.
/// </summary>
public class MutantTests
{
    private static IGeneralizer Strategy(string name) => Strategies.Find(name) ?? Mutants.Find(name)!;

    private static (Verification.VerificationReport Reference, Verification.VerificationReport Mutant, ActionSet Unused) OnAcceptance(
        string mutant)
    {
        var catalog = TestData.Catalog();
        var (policy, unused, _) = TestData.Acceptance(TriePrefixGeneralizer.Reference(), catalog);
        return (RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused),
            RefineAndVerify(Strategy(mutant), catalog, policy, unused), unused);
    }

    private static void AssertOnlyRefuted(Verification.VerificationReport report, PropertyKind property)
    {
        Assert.Equal(Verdict.Refuted, Property(report, property).Verdict);
        Assert.Equal(Verdict.Refuted, report.Verdict);
        Assert.False(report.Proved);
    }

    [SkippableFact]
    public void ReferenceIsProvedOnTheAcceptanceExample()
    {
        var (reference, _, _) = OnAcceptance("mutant-drops-kept");
        Assert.True(reference.Proved, ReportWriter.Text(reference));
        Assert.All(reference.Properties.Where(p => p.Claimed), p => Assert.Equal(Verdict.Proved, p.Verdict));
    }

    [SkippableFact]
    public void DroppingAKeptActionIsRefutedByComplete()
    {
        var (_, mutant, _) = OnAcceptance("mutant-drops-kept");
        AssertOnlyRefuted(mutant, PropertyKind.Complete);
        Assert.Equal("s3:GetAccountPublicAccessBlock", Counterexample(mutant, PropertyKind.Complete).Action);
        Assert.Equal(Verdict.Proved, Property(mutant, PropertyKind.Sound).Verdict);
    }

    [SkippableFact]
    public void KeepingAnUnusedActionIsRefutedBySound()
    {
        var (_, mutant, _) = OnAcceptance("mutant-keeps-unused");
        AssertOnlyRefuted(mutant, PropertyKind.Sound);
        var c = Counterexample(mutant, PropertyKind.Sound);
        Assert.Equal("s3:GetAccelerateConfiguration", c.Action);
        Assert.Equal(["s3:GetAccelerateConfiguration"], c.RefinedPatterns);
    }

    [SkippableFact]
    public void GeneralizingToTheParentIsRefutedBySound()
    {
        var (_, mutant, unused) = OnAcceptance("mutant-parent");
        AssertOnlyRefuted(mutant, PropertyKind.Sound);
        var c = Counterexample(mutant, PropertyKind.Sound);
        Assert.Equal(["s3:Get*"], c.RefinedPatterns);
        Assert.Contains(c.Action, unused.Actions.Where(a => a.StartsWith("s3:", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void ALiteralTurnedIntoAnEscapingWildcardIsRefutedByNoEscalation()
    {
        var (_, mutant, _) = OnAcceptance("mutant-escaping-literal");
        AssertOnlyRefuted(mutant, PropertyKind.NoEscalation);
        var c = Counterexample(mutant, PropertyKind.NoEscalation);
        Assert.True(ActionPattern.Match("*s3:GetAccountPublicAccessBlock", c.Action));
        Assert.False(ActionPattern.Match("s3:Get*", c.Action) || ActionPattern.Match("s3:List*", c.Action), c.Action);
        Assert.Equal(Verdict.Proved, Property(mutant, PropertyKind.Sound).Verdict);
        Assert.Equal(Verdict.Proved, Property(mutant, PropertyKind.Complete).Verdict);
    }

    [SkippableFact]
    public void ARedundantPatternIsRefutedByNonRedundancy()
    {
        var (_, mutant, _) = OnAcceptance("mutant-redundant");
        AssertOnlyRefuted(mutant, PropertyKind.NonRedundant);
        var redundant = TestData.Catalog().WithPrefix("s3:GetAccess").ToArray()[^1];
        Assert.Equal(redundant, Counterexample(mutant, PropertyKind.NonRedundant).Action);
        Assert.Contains("s3:GetAccess*", Counterexample(mutant, PropertyKind.NonRedundant).RefinedPatterns);
    }

    [SkippableFact]
    public void OneMorePatternThanNeededIsRefutedByMaximality()
    {
        var (_, mutant, _) = OnAcceptance("mutant-one-more");
        AssertOnlyRefuted(mutant, PropertyKind.Maximal);
        Assert.Equal("s3:GetAccess*", Counterexample(mutant, PropertyKind.Maximal).Action);
        Assert.Equal(Verdict.Proved, Property(mutant, PropertyKind.Sound).Verdict);
        Assert.Equal(Verdict.Proved, Property(mutant, PropertyKind.Complete).Verdict);
    }

    [Fact]
    public void CharacterMinimizerBareLiteralLosesTheLongerActionAndIsRefutedByComplete()
    {
        // Case-folded, DescribeInstances is a prefix of DescribeInstanceStatus; the unused StatusDetail makes both unsafe.
        var catalog = new ActionCatalog(["ec2:DescribeInstances", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceStatusDetail",
            "ec2:DescribeImages"]);
        var unused = new ActionSet(["ec2:DescribeInstanceStatusDetail"]);
        var policy = PolicyWith("ec2:Describe*");
        Assert.True(RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused).Proved);
        var mutant = RefineAndVerify(Strategy("mutant-bare-literal"), catalog, policy, unused);
        AssertOnlyRefuted(mutant, PropertyKind.Complete);
        Assert.Equal("ec2:DescribeInstanceStatus", Counterexample(mutant, PropertyKind.Complete).Action);
    }

    [Fact]
    public void CatalogOnlyPrefixEscapesTheOriginalAndIsRefutedByNoEscalation()
    {
        var catalog = new ActionCatalog(["s3:ListBuckets", "s3:ListObjects", "s3:GetObject"]);
        var unused = new ActionSet(["s3:GetObject"]);
        var policy = PolicyWith("s3:List*", "s3:GetObject");
        Assert.True(RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused).Proved);
        var mutant = RefineAndVerify(Strategy("mutant-catalog-prefix"), catalog, policy, unused);
        AssertOnlyRefuted(mutant, PropertyKind.NoEscalation);
        var c = Counterexample(mutant, PropertyKind.NoEscalation);
        Assert.Equal(["s3:l*"], c.RefinedPatterns);
        Assert.True(ActionPattern.Match("s3:l*", c.Action) && !ActionPattern.Match("s3:List*", c.Action), c.Action);
    }

    [Fact]
    public void TokenGranularityIsNotMinimumSizeButTheCharacterTrieIs()
    {
        var catalog = new ActionCatalog(["s3:GetAccessPoint", "s3:GetAccessGrant", "s3:GetAccelerateConfiguration",
            "s3:GetAccelerateStatus", "s3:GetBucketAcl"]);
        var unused = new ActionSet(["s3:GetBucketAcl"]);
        var policy = PolicyWith("s3:Get*");
        var reference = RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused);
        Assert.True(reference.Proved); // M3 is not claimed by the reference ...
        var m3 = Property(reference, PropertyKind.MinimumSize);
        Assert.False(m3.Claimed);
        Assert.Equal(Verdict.Refuted, m3.Verdict); // ... and measured false, with the merge as counterexample.
        Assert.Equal("s3:GetAcce*", Counterexample(reference, PropertyKind.MinimumSize).Action);
        var character = RefineAndVerify(TriePrefixGeneralizer.Character(), catalog, policy, unused);
        Assert.True(character.Proved, ReportWriter.Text(character));
        Assert.Equal(Verdict.Proved, Property(character, PropertyKind.MinimumSize).Verdict);
    }

    [Fact]
    public void UnknownIsNeverReportedAsProved()
    {
        var unknown = new PropertyOutcome(PropertyKind.Sound, "Statement 0", Verdict.Unknown, 1, Reason: "timeout");
        var report = new Verification.VerificationReport("p", "reference", "Z3", "c", [],
            [new Verification.PropertyReport(PropertyKind.Sound, true, Verdict.Unknown, 1, 1, [unknown])]);
        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.False(report.Proved);
        Assert.DoesNotContain("PROVED", ReportWriter.Text(report));
    }

    [Fact]
    public void ChangingADenyStatementBreaksTheStructure()
    {
        var original = PolicyWith("s3:GetObject");
        var withDeny = GeneralizationProofs.Policy.PolicyDocument.FromText(
            """{"Statement": [{"Effect": "Deny", "Action": ["s3:PutObject"], "Resource": "*"}]}""", "o");
        var changed = GeneralizationProofs.Policy.PolicyDocument.FromText(
            """{"Statement": [{"Effect": "Deny", "Action": ["s3:Put*"], "Resource": "*"}]}""", "r");
        var (_, problems) = Verification.PolicyVerifier.Align(withDeny, changed);
        Assert.Single(problems);
        Assert.Empty(Verification.PolicyVerifier.Align(original, original).Problems);
    }
}

/// <summary>Every strategy that is meant to be right is proved on real inputs, with the real solver.</summary>
public class RealStrategyProofTests
{
    public static TheoryData<string> Names => new(Strategies.All.Select(s => s.Name));

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void ClaimedPropertiesAreProvedOnTheAcceptanceExampleAndOnThreeServices(string name)
    {
        var strategy = Strategies.Find(name) ?? Mutants.Find(name)!;
        var catalog = TestData.Catalog();
        var (policy, unused, _) = TestData.Acceptance(strategy, catalog);
        var acceptance = RefineAndVerify(strategy, catalog, policy, unused);
        Assert.True(acceptance.Proved, ReportWriter.Text(acceptance));

        var random = new Random(3);
        var services = PolicyWith("s3:*", "lambda:*", "iam:Get*", "ec2:Describe*");
        var some = new ActionSet(catalog.Actions.Where(a => a.StartsWith("s3:") || a.StartsWith("lambda:") || a.StartsWith("iam:Get")
            || a.StartsWith("ec2:Describe"))
            .Where(_ => random.NextDouble() < 0.2));
        var report = RefineAndVerify(strategy, catalog, services, some);
        Assert.True(report.Proved, ReportWriter.Text(report));
        Assert.All(report.Properties.Where(p => p.Claimed), p => Assert.Equal(Verdict.Proved, p.Verdict));
    }
}

/// <summary>Found on AWSAccountSettingsManagementRole: alike statements, the first one removed.</summary>
public class AlignmentTests
{
    [SkippableFact]
    public void ARemovedStatementDoesNotPairItsNeighbourWithTheWrongOriginal()
    {
        var catalog = TestData.Catalog();
        var policy = Policy.PolicyDocument.FromText("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["s3:List*"], "Resource": "*"}]}
            """, "alike-statements");
        var unused = new ActionSet(["s3:GetObject", "s3:ListBucket"]);
        var report = RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused);
        Assert.True(report.Proved, ReportWriter.Text(report));
        Assert.Empty(report.StructureProblems);
    }

    [SkippableFact]
    public void AVerbatimEntryIsPairedWithTheStatementThatHoldsIt()
    {
        // Found by the random alignment test (papers/harness.md, Lemma 6): connect:* is removed (all unused), the
        // second statement comes through verbatim. Both originals could be its partner (connect:* matches the literal);
        // pairing it with the first judged connect:NoSuchAction as emitted, and M2 refuted it.
        var catalog = TestData.SmallCatalog("connect:CreateUser", "connect:DeleteUser");
        var policy = Policy.PolicyDocument.FromText("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["connect:*"], "Resource": "*"},
              {"Effect": "Allow", "Action": ["connect:NoSuchAction"], "Resource": "*"}]}
            """, "verbatim-neighbour");
        var unused = new ActionSet(["connect:CreateUser", "connect:DeleteUser"]);
        var report = RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused);
        Assert.True(report.Proved, ReportWriter.Text(report));
        Assert.Equal(Verdict.Proved, Property(report, PropertyKind.NonRedundant).Verdict);
    }

    [SkippableFact]
    public void MinimumSizeJudgesWhatTheStrategyEmittedNotTheUsersLiterals()
    {
        // Two used literals that s3:GetObjectA* could merge stay verbatim (spec §3); the character trie claims M3.
        var catalog = TestData.Catalog();
        var policy = PolicyWith("s3:GetObjectAcl", "s3:GetObjectAttributes", "s3:Put*");
        var unused = new ActionSet(["s3:PutObject"]);
        var report = RefineAndVerify(TriePrefixGeneralizer.Character(), catalog, policy, unused);
        Assert.Equal(Verdict.Proved, Property(report, PropertyKind.MinimumSize).Verdict);
    }
}

/// <summary>What the full corpus run found, and the shortcuts it made the verifier take, each pinned by a test.</summary>
public class CorpusFindingsTests
{
    [SkippableFact]
    public void AnEmittedWildcardThatTheUsersLiteralsAlreadyGrantGoes()
    {
        // AWS ReadOnlyAccess: kafka:Describe* beside the literals it would re-cover. Before the fix the refiner kept
        // kafka:DescribeConfiguration* too and M2 refuted it ("grants no kept action the others do not").
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var policy = PolicyWith("kafka:Describe*", "kafka:DescribeConfiguration", "kafka:DescribeConfigurationRevision");
        var unused = new ActionSet(["kafka:DescribeCluster"]);
        var refinement = new Refinement.PolicyRefiner(TriePrefixGeneralizer.Reference(), new GeneralizationContext(catalog, unused))
            .Refine(policy);
        var refined = refinement.Statements[0].RefinedActions;
        Assert.DoesNotContain("kafka:DescribeConfiguration*", refined);
        Assert.Contains("kafka:DescribeConfiguration", refined);
        var report = RefineAndVerify(TriePrefixGeneralizer.Reference(), catalog, policy, unused);
        Assert.True(report.Proved, ReportWriter.Text(report));
    }

    [SkippableFact]
    public void ALiteralIsJudgedByGroundMembershipAndStillCaught()
    {
        // Literal refined patterns are proved by one ground query each (a pattern language is closed under ASCII case).
        var catalog = TestData.Catalog();
        var policy = PolicyWith("s3:Get*");
        using var solver = new Verification.Solver.Z3Session();
        var context = new CheckContext(catalog, ActionSet.None, TriePrefixGeneralizer.Reference(), solver);
        var escaping = NoEscalationCheck.Check(new StatementCase("s", ["s3:Get*"], ["S3:GETOBJECT", "s3:PutObject", "s3:GetBucket*"]),
            context);
        Assert.Equal(Verdict.Refuted, escaping.Verdict);
        Assert.Equal("s3:PutObject", escaping.Counterexample!.Action);
        var inside = NoEscalationCheck.Check(new StatementCase("s", ["s3:Get*"], ["S3:GETOBJECT", "s3:getbucketacl", "s3:GetBucket*"]),
            context);
        Assert.Equal(Verdict.Proved, inside.Verdict);
    }

    [SkippableFact]
    public void NarrowedFiniteQueriesAnswerLikeTheWholeQuery()
    {
        var catalog = TestData.Catalog();
        using var solver = new Verification.Solver.Z3Session();
        var context = new CheckContext(catalog, ActionSet.None, TriePrefixGeneralizer.Reference(), solver);
        var candidates = catalog.WithPrefix("s3:Get").ToArray().Concat(catalog.WithPrefix("ec2:DescribeV").ToArray()).ToList();
        string[][] sides = [["*"], ["s3:*", "ec2:Describe*"], ["s3:Get*Acl", "ec2:DescribeVpc?", "s3:GetObject"], ["ec2:*Vpcs"], []];
        foreach (var include in sides.Where(s => s.Length > 0))
        {
            foreach (var exclude in sides)
            {
                var whole = solver.Decide(Verification.Solver.Query.OverCandidates("whole", candidates, include, exclude));
                var narrowed = context.AskNarrowed("narrowed", candidates, include, exclude);
                Assert.Equal(whole.Kind, narrowed.Kind);
                if (narrowed.Witness is { } witness)
                {
                    Assert.True(include.Any(p => ActionPattern.Match(p, witness)) && !exclude.Any(p => ActionPattern.Match(p, witness)),
                        witness);
                }
            }
        }
    }
}
