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
    [InlineData("{\"a\": 1, \"a\": 2}", "line 1, column 10")]
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

    private static InputException LoadFails(string path) => Assert.Throws<InputException>(() => PolicyDocument.Load(path));

    [Fact]
    public void ADirectoryIsNamedAsOneAndAMissingFileAsMissing()
    {
        var dir = Directory.CreateTempSubdirectory("genproof-").FullName;
        var asDirectory = LoadFails(dir);
        Assert.Equal($"{dir}: file: is a directory, not a file", asDirectory.Message);
        Assert.Equal($"{dir}/nope.json: file: not found", LoadFails(Path.Combine(dir, "nope.json")).Message);
        Assert.Equal($"{dir}/no/such/folder.json: file: not found", LoadFails(Path.Combine(dir, "no/such/folder.json")).Message);
        Assert.Contains("is a directory", Assert.Throws<InputException>(() => ActionCatalog.Load(dir)).Message);
        Directory.Delete(dir);
    }

    [Fact]
    public void DashReadsStandardInputAndMessagesCallItStdin()
    {
        Assert.Equal(1, JsonInput.ReadFile("-", new StringReader("""{"a": 1}"""))["a"]!.GetValue<int>());
        var e = Assert.Throws<InputException>(() => JsonInput.ReadFile("-", new StringReader("""{"a": 1,}""")));
        Assert.Equal("(stdin)", e.File);
        Assert.StartsWith("(stdin): line 1, column 9: malformed JSON: ", e.Message);
    }

    [Fact]
    public void MalformedJsonNamesOneBasedLineAndColumnInCharactersOnly()
    {
        // The é takes two bytes in UTF-8; .NET counts bytes from 0 ("BytePositionInLine: 14"), an editor characters from 1.
        var e = Assert.Throws<InputException>(() => JsonInput.Parse("{\n  \"é\": [1, 2 3]}", "bad.json"));
        Assert.Equal("line 2, column 14", e.Place);
        Assert.Equal("bad.json: line 2, column 14: malformed JSON: '3' is invalid after a value. Expected either ',', '}', or ']'.",
            e.Message);
        Assert.DoesNotContain("LineNumber", e.Message);
        Assert.DoesNotContain("BytePosition", e.Message);
        var unclosed = Assert.Throws<InputException>(() => JsonInput.Parse("{\"Statement\": [", "bad.json"));
        Assert.Equal("bad.json: line 1, column 16: malformed JSON: Expected depth to be zero at the end of the JSON payload. "
            + "There is an open JSON object or array that should be closed.", unclosed.Message);
    }

    [Fact]
    public void ADuplicateKeyIsNamedWithItsObjectAndPlace()
    {
        var text = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject"},
              {"Effect": "Allow", "Action": "s3:GetObject", "Effect": "Deny"}]}
            """;
        var e = Assert.Throws<InputException>(() => PolicyDocument.FromText(text, "dup.json"));
        var column = text.Split('\n')[2].LastIndexOf("\"Effect\"", StringComparison.Ordinal) + 1;
        Assert.Equal($"dup.json: line 3, column {column}: duplicate key \"Effect\" in the object at $.Statement[1]", e.Message);
        Assert.DoesNotContain("same key", e.Message);

        // The first repeat in the text, even when an enclosing object repeats a key later.
        var nested = Assert.Throws<InputException>(() => JsonInput.Parse("""{"a": {"b": 1, "b": 2}, "a": 3}""", "n.json"));
        Assert.Equal("n.json: line 1, column 16: duplicate key \"b\" in the object at $.a", nested.Message);
    }

    [Fact]
    public void NamesEchoedInMessagesAreEscapedAndCut()
    {
        var nul = Assert.Throws<InputException>(() => PolicyDocument.FromText(
            """{"Statement": [{"Effect": "Al\u0000low\u001b[31m", "Action": "s3:GetObject"}]}""", "p.json"));
        Assert.Equal(
            "p.json: $.Statement[0].Effect: unknown Effect \"Al\\u0000low\\u001B[31m\" (expected \"Allow\" or \"Deny\")", nul.Message);

        var longKey = new string('k', 5000);
        var duplicate = Assert.Throws<InputException>(() => JsonInput.Parse($$"""{"{{longKey}}": 1, "{{longKey}}": 2}""", "p.json"));
        Assert.Contains($"duplicate key \"{new string('k', InputException.MaxShown)}… (5000 characters)\"", duplicate.Message);
        Assert.True(duplicate.Message.Length < 300, duplicate.Message);

        var catalog = Assert.Throws<InputException>(() => ActionCatalog.Parse(
            JsonInput.Parse($$$"""{"services": {"s3\u0000{{{longKey}}}": 7}}""", "c.json"), "c.json"));
        Assert.StartsWith("c.json: $.services[\"s3\\u0000kkk", catalog.Message);
        // The service name breaks the spec §2 grammar before its value is looked at; echoed escaped and cut, twice.
        Assert.EndsWith("… (5003 characters)' has U+0000 at offset 2", catalog.Message);
        Assert.True(catalog.Message.Length < 400, catalog.Message);

        var unused = Assert.Throws<InputException>(() => UnusedActions.Read(
            JsonInput.Parse("""[{"serviceNamespace": "s3", "actions": ["Get\u0000Object"]}]""", "u.json"), "u.json",
            new ActionCatalog(["s3:GetObject"]), false, out _));
        Assert.Contains("'s3:Get\\u0000Object'", unused.Message);

        Assert.All(new[] { nul, duplicate, catalog, unused }, e => Assert.DoesNotContain('\0', e.Message));
    }

    [Fact]
    public void ANulOrVeryLongFileNameIsEscapedAndCut()
    {
        var withNul = LoadFails("policy\0.json");
        Assert.Equal("policy\\u0000.json: file: is not a valid file name", withNul.Message);
        var longName = new string('p', 5000) + ".json";
        var tooLong = LoadFails(longName);
        Assert.Equal($"{new string('p', InputException.MaxShownPath)}… (5005 characters): file: cannot be read: the path is too long",
            tooLong.Message);
    }
}
