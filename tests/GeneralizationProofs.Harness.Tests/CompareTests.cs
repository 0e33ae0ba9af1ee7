using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness.Compare;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// genproof compare with the real solver: relations, witnesses re-checked by the matcher, exit codes, the regression
/// workflow (a baseline stored by corpus --refined-out, compared with --left-dir).
/// </summary>
public class CompareTests
{
    private static readonly ActionCatalog Catalog = new(
        ["s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket", "s3:ListBuckets", "ec2:RunInstances"], "test", "2024-01-01");

    private static PolicyComparison Compare(string[] original, string[] left, string[] right)
    {
        using var solver = new Z3Session();
        return new PolicyComparer(Catalog, [], solver).Compare(PolicyWith(original), PolicyWith(left), PolicyWith(right), "L", "R");
    }

    [Fact]
    public void EqualLanguagesAreProvedEqualWhateverTheSpelling()
    {
        var c = Compare(["s3:*"], ["s3:Get*", "s3:List*"], ["s3:get*", "S3:LIST*", "s3:ListBucket"]);
        Assert.Equal(Relation.Equal, c.Relation);
        Assert.Empty(c.LeftOnlyCatalog);
    }

    [Fact]
    public void ANarrowerSideIsShownWithACatalogWitness()
    {
        var c = Compare(["s3:*"], ["s3:GetObject"], ["s3:GetObject*"]);
        Assert.Equal(Relation.RightWider, c.Relation);
        var witness = c.Statements[0].RightOnly!;
        Assert.True(witness.InCatalog);
        Assert.Equal("s3:GetObjectAcl", witness.Action);
        Assert.Equal(["s3:GetObjectAcl"], c.RightOnlyCatalog);
    }

    [Fact]
    public void ADifferenceNoCatalogActionShowsIsProvedWithTheSolversString()
    {
        // s3:l* escapes s3:List*: it grants "s3:l", which no catalog action is.
        var c = Compare(["s3:List*"], ["s3:List*"], ["s3:l*"]);
        Assert.Equal(Relation.RightWider, c.Relation);
        var witness = c.Statements[0].RightOnly!;
        Assert.False(witness.InCatalog);
        Assert.True(ActionPattern.Match("s3:l*", witness.Action) && !ActionPattern.Match("s3:List*", witness.Action), witness.Action);
    }

    [Fact]
    public void IncomparableSidesHaveAWitnessEachWay()
    {
        var c = Compare(["s3:*", "ec2:*"], ["s3:*"], ["ec2:*"]);
        Assert.Equal(Relation.Incomparable, c.Relation);
        Assert.NotNull(c.Statements[0].LeftOnly);
        Assert.NotNull(c.Statements[0].RightOnly);
        Assert.Equal(Verification.Verdict.Refuted, PolicyComparison.Expect(c.Relation, "no-wider"));
    }

    [SkippableFact]
    public void TheRegressionWorkflowFindsNoChangeAgainstItsOwnBaselineAndAWiderChange()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var root = Directory.CreateTempSubdirectory("genproof-regression-").FullName;
        var policies = Directory.CreateDirectory(Path.Combine(root, "policies")).FullName;
        foreach (var (name, action) in new[] { ("Reader", "s3:Get*"), ("Describer", "ec2:Describe*"), ("Literal", "sqs:SendMessage") })
        {
            File.WriteAllText(Path.Combine(policies, name + ".json"),
                $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "{{action}}", "Resource": "*"}]}""");
        }
        var baseline = Path.Combine(root, "baseline");
        string[] corpus = ["--policies", policies, "--catalog", catalog, "--unused-rate", "0.3", "--seed", "1", "--jobs", "2"];
        var stored = Genproof.Run(["corpus", .. corpus, "--strategy", "enumeration", "--refined-out", baseline]);
        Assert.True(stored.ExitCode == 0, stored.ToString());
        Assert.True(File.Exists(Path.Combine(baseline, "policies", "Reader.json")));
        var same = Genproof.Run(["compare", .. corpus, "--left-dir", baseline, "--right-strategy", "enumeration", "--fail-on", "wider"]);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("changed 0:", same.Stdout);
        var report = Path.Combine(root, "report");
        var wider = Genproof.Run(["compare", .. corpus, "--left-dir", baseline, "--right-strategy", "reference", "--fail-on", "wider",
            "--report", report]);
        Assert.True(wider.ExitCode == 1, wider.ToString());
        Assert.Contains("changed 2: right wider (left ⊂ right) 2", wider.Stdout);
        Assert.Contains("<failure", File.ReadAllText(Path.Combine(report, "junit.xml")));
        Assert.Contains("\"rightWider\": 2", File.ReadAllText(Path.Combine(report, "summary.json")));
    }

    [SkippableFact]
    public void TheOnePolicyFormExitsByTheExpectation()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var folder = Directory.CreateTempSubdirectory("genproof-compare-").FullName;
        var policy = Path.Combine(folder, "p.json");
        var unused = Path.Combine(folder, "u.json");
        File.WriteAllText(policy, """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}}""");
        File.WriteAllText(unused, """[{"serviceNamespace": "s3", "actions": ["ListBucket"]}]""");
        string[] common = ["compare", "--policy", policy, "--unused", unused, "--catalog", catalog, "--left-strategy", "reference"];
        Assert.Equal(0, Genproof.Run([.. common, "--right-strategy", "reference", "--expect", "equal"]).ExitCode);
        var json = Genproof.Run([.. common, "--right-strategy", "enumeration", "--expect", "no-wider", "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains("\"relation\": \"right ⊂ left\"", json.Stdout);
        Assert.Equal(1, Genproof.Run([.. common, "--right-strategy", "enumeration", "--expect", "equal"]).ExitCode);
        Assert.Equal(2, Genproof.Run([.. common, "--right-strategy", "nope"]).ExitCode);
    }
}
