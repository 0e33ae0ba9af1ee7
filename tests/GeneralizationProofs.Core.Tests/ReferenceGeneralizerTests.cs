using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using Xunit;

namespace GeneralizationProofs.Tests;

public class ReferenceGeneralizerTests
{
    private static readonly TriePrefixGeneralizer Reference = TriePrefixGeneralizer.Reference();

    private static IReadOnlyList<string> Generalize(string entry, string[] catalog, string[] unused) =>
        Reference.Generalize(new ActionPattern(entry), new GeneralizationContext(TestData.SmallCatalog(catalog), new ActionSet(unused)));

    [SkippableFact]
    public void AcceptanceExampleIsReproducedExactly()
    {
        var (_, _, refinement) = TestData.Acceptance(Reference, TestData.Catalog());
        var statements = refinement.Refined["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.Equal(["lambda:Invoke*"], statements[0]!["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(
            ["s3:GetAccess*", "s3:GetAccountPublicAccessBlock", "s3:GetDataAccess", "s3:GetJobTagging", "s3:GetMulti*",
             "s3:GetObject*", "s3:GetStorage*", "s3:List*"],
            statements[1]!["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        // Everything but Action is untouched.
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:my-function", statements[0]!["Resource"]!.GetValue<string>());
        Assert.Equal("S3", statements[1]!["Sid"]!.GetValue<string>());
    }

    [SkippableFact]
    public void CharacterTrieGivesTheShorterCharacterPrefixesTheSpecNames()
    {
        var (_, _, refinement) = TestData.Acceptance(TriePrefixGeneralizer.Character(), TestData.Catalog());
        var s3 = refinement.Statements[1].RefinedActions;
        Assert.Contains("s3:GetAcces*", s3);
        Assert.Contains("s3:GetMu*", s3);
        Assert.Contains("s3:GetO*", s3);
        Assert.Contains("s3:GetS*", s3);
    }

    [Fact]
    public void KeptActionThatPrefixesAnUnusedOneStaysAsLiteral()
    {
        var result = Generalize("s3:List*", ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:ListAllMyBuckets"],
            ["s3:ListBucketVersions"]);
        Assert.Equal(["s3:ListAllMyBuckets", "s3:ListBucket", "s3:ListBucketMultipartUploads"], result);
    }

    [Fact]
    public void SafeNodeWithOneCatalogActionIsALiteralAndWithSeveralAWildcard()
    {
        var result = Generalize("s3:Get*", ["s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:GetAccountPublicAccessBlock"],
            ["s3:GetBucketAcl"]);
        Assert.Equal(["s3:GetAccountPublicAccessBlock", "s3:GetObject*"], result);
    }

    [Fact]
    public void SafetyIsAboutStringsNotTriePaths()
    {
        // DescribeVolume* would match the unused DescribeVolumes although Volumes is another token.
        var result = Generalize("ec2:Describe*", ["ec2:DescribeVolumes", "ec2:DescribeVolumeStatus", "ec2:DescribeVolumeAttribute", "ec2:DescribeImages"],
            ["ec2:DescribeVolumes"]);
        Assert.Equal(["ec2:DescribeImages", "ec2:DescribeVolumeAttribute", "ec2:DescribeVolumeStatus"], result);
    }

    [Fact]
    public void APatternCoveringASiblingsActionsRemovesTheSibling()
    {
        // DescribeInstance* also matches DescribeInstances: emitting both would be redundant.
        var result = Generalize("ec2:Describe*",
            ["ec2:DescribeInstances", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceAttribute", "ec2:DescribeImages", "ec2:DescribeImageAttribute"],
            ["ec2:DescribeImages"]);
        Assert.Equal(["ec2:DescribeImageAttribute", "ec2:DescribeInstance*"], result);
    }

    [Fact]
    public void StarAndServiceStarStartAtTheServicePrefix()
    {
        string[] catalog = ["s3:GetObject", "s3:PutObject", "sqs:SendMessage", "sqs:ReceiveMessage", "iam:PassRole"];
        Assert.Equal(["iam:PassRole", "s3:GetObject", "sqs:*"], Generalize("*", catalog, ["s3:PutObject"]));
        Assert.Equal(["s3:GetObject"], Generalize("s3:*", catalog, ["s3:PutObject"]));
    }

    [Fact]
    public void LeadingAndInnerWildcardsBecomeLiteralsNeverEscapingPrefixes()
    {
        string[] catalog = ["autoscaling:AttachLoadBalancers", "autoscaling:DetachLoadBalancers", "autoscaling:DescribeLoadBalancers", "autoscaling:CreateGroup"];
        var result = Generalize("autoscaling:*LoadBalancer*", catalog, ["autoscaling:DetachLoadBalancers"]);
        Assert.Equal(["autoscaling:AttachLoadBalancers", "autoscaling:DescribeLoadBalancers"], result);
        Assert.All(result, r => Assert.True(ActionPattern.Match("autoscaling:*LoadBalancer*", r)));
    }

    [Fact]
    public void WildcardWithNoUnusedActionStaysVerbatimAndOneWithOnlyUnusedGoes()
    {
        string[] catalog = ["s3:GetObject", "s3:PutObject"];
        Assert.Equal(["s3:Get*"], Generalize("s3:Get*", catalog, ["s3:PutObject"]));
        Assert.Empty(Generalize("s3:Put*", catalog, ["s3:PutObject"]));
        Assert.Equal(["deepracer:*"], Generalize("deepracer:*", catalog, ["s3:PutObject"]));
    }

    [Fact]
    public void CaseInsensitiveMatchingFindsUnusedActionsUnderOddlyCasedWildcards()
    {
        var result = Generalize("ssm-sap:get*", ["ssm-sap:GetApplication", "ssm-sap:GetDatabase", "ssm-sap:GetDatabaseParameters"], ["ssm-sap:GetApplication"]);
        Assert.Equal(["ssm-sap:getDatabase*"], result);
    }

    [Fact]
    public void RefinerDropsUnusedLiteralsKeepsUnknownOnesAndRemovesDuplicatesAcrossEntries()
    {
        var catalog = TestData.SmallCatalog("s3:GetObject", "s3:GetObjectAcl", "s3:GetBucketAcl", "s3:PutObject");
        var refiner = new PolicyRefiner(Reference, new(catalog, new ActionSet(["s3:GetBucketAcl", "s3:PutObject"])));
        var changes = refiner.RefineActions(["s3:PutObject", "s3:get*", "s3:GetObjectAcl", "iotroborunner:ListSites", "S3:GETOBJECTACL"]);
        Assert.Equal(["s3:getObject*", "s3:GetObjectAcl", "iotroborunner:ListSites"], changes.SelectMany(c => c.Outputs));
        Assert.Equal(EntryOutcome.Dropped, changes[0].Outcome);
        Assert.Empty(changes[4].Outputs);
    }

    [Fact]
    public void DenyIsKeptNotActionGainsTheUnusedActionEmptiedStatementsRemovedAndDetachRecommended()
    {
        var catalog = TestData.SmallCatalog("s3:GetObject", "s3:PutObject");
        var policy = PolicyDocument.FromText("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"},
              {"Effect": "Deny", "Action": ["s3:PutObject"], "Resource": "*"},
              {"Effect": "Allow", "NotAction": "s3:GetObject", "Resource": "*", "X-Unknown": 1}
            ]}
            """, "p.json");
        var refinement = new PolicyRefiner(Reference, new(catalog, new ActionSet(["s3:PutObject"]))).Refine(policy);
        var statements = refinement.Refined["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.Equal("Deny", statements[0]!["Effect"]!.GetValue<string>());
        Assert.Equal(1, statements[1]!["X-Unknown"]!.GetValue<int>());
        // Spec §3 (since issue 17): Allow + NotAction is refined by appending the unused action it granted.
        Assert.Equal(["s3:GetObject", "s3:PutObject"], statements[1]!["NotAction"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(refinement.Notes(), n => n.Contains("NotAction"));
        Assert.False(refinement.Detach);

        var onlyAllow = PolicyDocument.FromText("""{"Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}""", "q.json");
        var detached = new PolicyRefiner(Reference, new(catalog, new ActionSet(["s3:PutObject"]))).Refine(onlyAllow);
        Assert.True(detached.Detach);
        Assert.Contains("DETACH_POLICY", RefinementOutput.Recommendation(detached, null, null));
    }

    [Fact]
    public void SingleStringActionStaysAStringWhenOneEntryRemains()
    {
        var catalog = TestData.SmallCatalog("s3:GetObject", "s3:PutObject", "s3:GetBucketAcl");
        var policy = PolicyDocument.FromText("""{"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}""", "p.json");
        var refinement = new PolicyRefiner(Reference, new(catalog, new ActionSet(["s3:GetBucketAcl"]))).Refine(policy);
        Assert.Equal("s3:GetObject", refinement.Refined["Statement"]!["Action"]!.GetValue<string>());
    }
}
