using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>Input a careless or hostile user gives (issue 16): refused with the place named, or warned about.</summary>
public class HostileInputTests
{
    private static string Policy(string statementRest, string action = "s3:GetObject") =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "{{action}}"{{statementRest}}}]}""";

    [Theory]
    [InlineData(", \"Resource\": 42", "$.Statement[0].Resource")]
    [InlineData(", \"Resource\": []", "$.Statement[0].Resource")]
    [InlineData(", \"Resource\": [\"*\", 1]", "$.Statement[0].Resource[1]")]
    [InlineData(", \"Resource\": \"*\", \"Condition\": \"yes\"", "$.Statement[0].Condition")]
    [InlineData(", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": 1}", "$.Statement[0].Condition.StringEquals")]
    [InlineData(", \"Resource\": \"*\", \"Sid\": 5", "$.Statement[0].Sid")]
    [InlineData(", \"Resource\": \"*\", \"NotResource\": \"arn:aws:s3:::b\"", "$.Statement[0]")]
    [InlineData(", \"Resource\": \"*\", \"Principal\": []", "$.Statement[0].Principal")]
    [InlineData(", \"Resource\": \"*\", \"Principal\": {\"AWS\": 3}", "$.Statement[0].Principal.AWS")]
    [InlineData(", \"Resource\": \"*\", \"NotPrincipal\": \"x\"", "$.Statement[0].NotPrincipal")]
    [InlineData(", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": {\"x\": 1}}}", "$.Statement[0].Condition.StringEquals.k")]
    [InlineData(", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": [\"a\", null]}}",
        "$.Statement[0].Condition.StringEquals.k[1]")]
    public void WrongTypesAreRefusedNamingThePlace(string rest, string place)
    {
        var e = Assert.Throws<InputException>(() => PolicyDocument.FromText(Policy(rest), "p.json"));
        Assert.Equal(place, e.Place);
    }

    [Theory]
    [InlineData(", \"Resource\": \"*\", \"Principal\": \"*\", \"Sid\": \"A\", "
        + "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}")]
    [InlineData(", \"NotResource\": [\"arn:aws:s3:::b\"], \"Principal\": {\"AWS\": [\"arn:aws:iam::1:root\"]}")]
    [InlineData(", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": 3600}, "
        + "\"Bool\": {\"aws:SecureTransport\": [true]}}")]
    public void WellFormedStatementsHaveNoWarnings(string rest) =>
        Assert.Empty(PolicyDocument.FromText(Policy(rest), "p.json").Warnings);

    [Fact]
    public void ANonStringIdIsRefused()
    {
        var policy = """{"Version": "2012-10-17", "Id": 5, "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""";
        Assert.Equal("$.Id", Assert.Throws<InputException>(() => PolicyDocument.FromText(policy, "p.json")).Place);
    }

    [Theory]
    [InlineData(", \"Resource\": \"*\", \"Resources\": \"*\"", "unknown key \"Resources\"")]
    [InlineData(", \"Resource\": \"*\"", "an empty list", "[]")]
    public void OddButHarmlessShapesAreAcceptedWithAWarning(string rest, string warning, string? action = null)
    {
        var text = action is null ? Policy(rest) : Policy(rest).Replace("\"s3:GetObject\"", action);
        Assert.Contains(PolicyDocument.FromText(text, "p.json").Warnings, w => w.Contains("$.Statement[0]") && w.Contains(warning));
    }

    [Fact]
    public void RepeatedSidsAreWarned()
    {
        var policy = """{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},"""
            + """{"Sid": "A", "Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""";
        Assert.Contains(PolicyDocument.FromText(policy, "p.json").Warnings, w => w.Contains("Sid \"A\" is used by 2 statements"));
    }

    [Fact]
    public void MissingResourceIsAcceptedWithAWarning()
    {
        // A role's trust policy has no Resource: accepted, but said.
        var trust = Policy(", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}", "sts:AssumeRole");
        var policy = PolicyDocument.FromText(trust, "trust.json");
        Assert.Contains(policy.Warnings, w => w.Contains("$.Statement[0]") && w.Contains("Resource"));
    }

    [Fact]
    public void OverLongActionsAreRefusedInEveryInput()
    {
        var limit = InputLimits.MaxActionLength;
        var atLimit = "s3:" + new string('?', limit - 3);
        Assert.Equal(atLimit, PolicyDocument.FromText(Policy(", \"Resource\": \"*\"", atLimit), "p.json").Statements[0].Actions[0]);
        var e = Assert.Throws<InputException>(() => PolicyDocument.FromText(Policy(", \"Resource\": \"*\"", atLimit + "?"), "p.json"));
        Assert.Equal("$.Statement[0].Action", e.Place);
        Assert.Contains("1,024", e.Problem);
        Assert.DoesNotContain("???", e.Message); // not echoed

        var longName = new string('A', limit);
        var catalog = JsonInput.Parse("{\"services\": {\"s3\": [\"GetObject\", \"" + longName + "\"]}}", "c.json");
        Assert.Equal("$.services.s3[1]", Assert.Throws<InputException>(() => ActionCatalog.Parse(catalog, "c.json")).Place);

        var unused = JsonInput.Parse($$"""[{"serviceNamespace": "s3", "actions": ["{{longName}}"]}]""", "u.json");
        var u = Assert.Throws<InputException>(() => UnusedActions.Read(unused, "u.json", new ActionCatalog(["s3:GetObject"]), true, out _));
        Assert.Equal("$[0].actions[0]", u.Place);
    }

    [Theory]
    [InlineData("""{"findingType": "UnusedIAMRole", "findingDetails": [{"unusedIamRoleDetails": {"lastAccessed": "2024-01-01"}}]}""",
        "UnusedIAMRole")]
    [InlineData("""{"findingDetails": [{"unusedIamRoleDetails": {"lastAccessed": "2024-01-01T00:00:00Z"}}]}""", "unusedIamRoleDetails")]
    [InlineData("""{"findingDetails": [{"unusedIamUserAccessKeyDetails": {"accessKeyId": "AKIA"}}]}""", "unusedIamUserAccessKeyDetails")]
    [InlineData("""{"findingDetails": []}""", "empty")]
    public void FindingsWithoutUnusedPermissionsAreRefusedNamingTheirKind(string json, string named)
    {
        var e = Assert.Throws<InputException>(() => UnusedActions.Read(JsonInput.Parse(json, "f.json"), "f.json",
            new ActionCatalog(["s3:GetObject"]), false, out _));
        Assert.Contains(named, e.Message);
    }
}
