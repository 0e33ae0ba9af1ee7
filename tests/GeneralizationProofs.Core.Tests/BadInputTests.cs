using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using Xunit;

namespace GeneralizationProofs.Tests;

public class BadInputTests
{
    [Theory]
    [InlineData("{\"Statement\": [", "line 1")]
    [InlineData("{\"Statement\": [{\"Effect\": \"Permit\", \"Action\": \"s3:GetObject\"}]}", "$.Statement[0].Effect")]
    [InlineData("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": 7}]}", "$.Statement[0].Action")]
    [InlineData("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", 3]}]}", "$.Statement[0].Action[1]")]
    [InlineData("{\"Version\": \"2020-01-01\", \"Statement\": []}", "$.Version")]
    [InlineData("{\"Statement\": [{\"Effect\": \"Allow\"}]}", "$.Statement[0]")]
    [InlineData("[1, 2]", "$")]
    [InlineData("{\"a\": 1, \"a\": 2}", "$")]
    public void PolicyErrorsNameTheFileAndThePlace(string text, string place)
    {
        var e = Assert.Throws<InputException>(() => PolicyDocument.FromText(text, "bad.json"));
        Assert.Equal("bad.json", e.File);
        Assert.Contains(place, e.Place);
    }

    [Fact]
    public void StaleUnusedActionsAreRefusedUnlessIgnored()
    {
        var catalog = new ActionCatalog(["s3:GetObject"]);
        var json = JsonInput.Parse("""[{"serviceNamespace": "s3", "actions": ["GetObject", "GetGone"]}]""", "u.json");
        var e = Assert.Throws<InputException>(() => UnusedActions.Read(json, "u.json", catalog, false, out _));
        Assert.Contains("s3:GetGone", e.Message);
        Assert.Equal("$[0].actions[1]", e.Place);
        var set = UnusedActions.Read(json, "u.json", catalog, true, out var ignored);
        Assert.Equal(["s3:GetObject"], set.Actions);
        Assert.Equal(["s3:GetGone"], ignored);
    }

    [Fact]
    public void FindingFormatIsRead()
    {
        var catalog = new ActionCatalog(["s3:GetObject", "s3:PutObject"]);
        var json = JsonInput.Parse("""
            {"findingDetails": [{"unusedPermissionDetails": {"serviceNamespace": "s3", "lastAccessed": "2024-01-01T00:00:00Z",
              "actions": [{"action": "PutObject", "lastAccessed": "2023-01-01T00:00:00Z"}]}}]}
            """, "f.json");
        Assert.Equal(["s3:PutObject"], UnusedActions.Read(json, "f.json", catalog, false, out _).Actions);
    }

    [Fact]
    public void EmptyCatalogIsBadInput()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"source": "x", "date": "y", "services": {}}""");
        var e = Assert.Throws<InputException>(() => ActionCatalog.Load(file));
        Assert.Contains("no actions", e.Message);
        File.Delete(file);
    }

    [Fact]
    public void AtomicWriteReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genproof-" + Guid.NewGuid());
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, "out.json");
        JsonInput.WriteAtomically(target, "{}");
        Assert.Equal("{}", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir));
        Directory.Delete(dir, true);
    }
}
