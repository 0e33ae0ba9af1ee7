using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>The shapes people paste: the AWS CLI's inline-policy output, the analyzer's finding, its lower-cased output.</summary>
public class ShapesTests
{
    private const string Inline =
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"}]}""";

    [Fact]
    public void GetRolePolicyOutputIsReadWithItsDocumentAsObjectOrUrlEncoded()
    {
        var asObject = PolicyDocument.FromText(
            $$"""{"RoleName": "MyRole", "PolicyName": "S3Read", "PolicyDocument": {{Inline}}}""", "get-role-policy.json");
        Assert.Equal(["s3:Get*", "s3:ListBucket"], asObject.Statements[0].Actions);
        Assert.Equal("S3Read", asObject.Name);
        // As the IAM API returns it (and older CLIs pass it on): the document URL-encoded in a string.
        var encoded = Uri.EscapeDataString(Inline);
        var asString = PolicyDocument.FromText(
            $$"""{"UserName": "alice", "PolicyName": "S3Read", "PolicyDocument": "{{encoded}}"}""", "u.json");
        Assert.Equal(["s3:Get*", "s3:ListBucket"], asString.Statements[0].Actions);
        Assert.Equal("$.PolicyDocument", asString.DocumentPlace);
        var group = PolicyDocument.FromText(
            """{"GroupName": "g", "PolicyName": "p", "PolicyDocument": "%7B%22Statement%22%3A%5B%5D%7D"}""", "g.json");
        Assert.Empty(group.Statements);
    }

    [Fact]
    public void AFindingsResourceIsTheRecommendationsResourceArn()
    {
        const string finding = """
            {"analyzedAt": "2024-06-20T10:00:00Z", "createdAt": "2024-06-01T10:00:00Z", "id": "f-1",
             "resource": "arn:aws:iam::123456789012:role/MyRole", "resourceType": "AWS::IAM::Role",
             "resourceOwnerAccount": "123456789012", "status": "ACTIVE", "updatedAt": "2024-06-20T10:00:00Z",
             "findingType": "UnusedPermission",
             "findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3",
               "actions": [{"action": "GetBucketAcl", "lastAccessed": "2024-01-02T00:00:00Z"}]}}]}
            """;
        var root = JsonNode.Parse(finding)!;
        Assert.Equal("arn:aws:iam::123456789012:role/MyRole", UnusedActions.FindingResource(root));
        Assert.Equal("arn:x", UnusedActions.FindingResource(JsonNode.Parse("""{"finding": {"resource": "arn:x"}}""")));
        Assert.Null(UnusedActions.FindingResource(JsonNode.Parse("""[{"serviceNamespace": "s3", "actions": []}]""")));
        var catalog = TestData.SmallCatalog("s3:GetBucketAcl", "s3:GetObject", "s3:ListBucket");
        var unused = UnusedActions.Read(root, "finding.json", catalog, false, out _);
        var refinement = new PolicyRefiner(Strategies.Find("reference")!, new(catalog, unused))
            .Refine(PolicyDocument.FromText(Inline, "p"));
        var recommendation = JsonNode.Parse(RefinementOutput.Recommendation(refinement, UnusedActions.FindingResource(root), null))!;
        Assert.Equal("arn:aws:iam::123456789012:role/MyRole", recommendation["resourceArn"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", recommendation["status"]!.GetValue<string>());
        Assert.Equal("UnusedPermissionRecommendation", recommendation["recommendationType"]!.GetValue<string>());
        var step = recommendation["recommendedSteps"]![0]!["unusedPermissionsRecommendedStep"]!;
        Assert.Equal("CREATE_POLICY", step["recommendedAction"]!.GetValue<string>());
        Assert.Contains("s3:GetObject", step["recommendedPolicy"]!.GetValue<string>());
    }

    [SkippableFact]
    public void TheAnalyzersLowerCasedRecommendationIsProvedAsRefinedInput()
    {
        var catalog = TestData.Catalog();
        var (policy, unused, refinement) = TestData.Acceptance(Strategies.Find("reference")!, catalog);
        // Access Analyzer's downloaded recommendations spell actions in lower case (s3:getobjectversion*).
        var lowered = JsonNode.Parse(RefinementOutput.PolicyJson(refinement).ToLowerInvariant().Replace("\"allow\"", "\"Allow\"")
            .Replace("\"statement\"", "\"Statement\"").Replace("\"effect\"", "\"Effect\"").Replace("\"action\"", "\"Action\"")
            .Replace("\"resource\"", "\"Resource\"").Replace("\"version\"", "\"Version\"").Replace("\"sid\"", "\"Sid\"")
            .Replace("\"id\"", "\"Id\""))!;
        // Sid and Id are names, not actions: the analyzer keeps them; put them back so only the actions differ.
        var refinedCopy = JsonNode.Parse(RefinementOutput.PolicyJson(refinement))!;
        lowered["Id"] = refinedCopy["Id"]?.DeepClone();
        for (var i = 0; i < lowered["Statement"]!.AsArray().Count; i++)
        {
            lowered["Statement"]![i]!["Sid"] = refinedCopy["Statement"]![i]!["Sid"]?.DeepClone();
        }
        Assert.Contains("s3:getobject", lowered.ToJsonString());
        var refined = PolicyDocument.Parse(lowered, "recommendation.json");
        using var solver = new Z3Session();
        var strategy = Strategies.Find("reference")!;
        var report = RefineAndProve.Prove(policy, refined, catalog, unused, strategy, solver, ProofScope.ClaimsAndMeasurements(strategy));
        Assert.Equal(Verdict.Proved, report.Verdict);
    }
}
