using System.Text.Json.Nodes;
using GeneralizationProofs.Harness;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// <c>verify --split-parts</c> through the CLI: with <c>--format json</c> the split check is part of the one JSON
/// document (a second document after the first would not parse), a part that loses a pattern is refuted there and in
/// the exit code, and SARIF, which has no place for it, refuses the option before any work.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CliSplitTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-split-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string[] Verify(string part, string format) =>
    [
        "verify", "--policy", RepositoryRoot.Require("examples/my-role/policy.json"),
        "--unused", RepositoryRoot.Require("examples/my-role/unused.json"),
        "--catalog", TestData.Path("catalogs/aws-2024-06-16.json"),
        "--refined", RepositoryRoot.Require("examples/my-role/expected.json"),
        "--split-parts", part, "--format", format, "--engine", "z3",
    ];

    [SkippableFact]
    public void TheSplitIsInsideTheOneJsonDocumentAndALostPatternRefutesIt()
    {
        var whole = RepositoryRoot.Require("examples/my-role/expected.json");
        var proved = CliRunner.InProcess(Verify(whole, "json"));
        Assert.Equal(0, proved.Code);
        var root = JsonNode.Parse(proved.Out)!;
        Assert.Equal("proved", (string)root["verdict"]!);
        Assert.Equal("proved", (string)root["split"]!["verdict"]!);
        Assert.Single(root["split"]!["parts"]!.AsArray());

        var tampered = JsonNode.Parse(File.ReadAllText(whole))!;
        tampered["Statement"]![1]!["Action"]!.AsArray().RemoveAt(0); // s3:GetAccess* lost from the part
        var part = Path.Combine(_dir.FullName, "part.json");
        File.WriteAllText(part, tampered.ToJsonString());
        var refuted = CliRunner.InProcess(Verify(part, "json"));
        Assert.Equal(1, refuted.Code);
        Assert.Equal("refuted", (string)JsonNode.Parse(refuted.Out)!["split"]!["verdict"]!);
    }

    [Fact]
    public void SarifRefusesSplitPartsBeforeAnyWork()
    {
        var result = CliRunner.InProcess(Verify(RepositoryRoot.Require("examples/my-role/expected.json"), "sarif"));
        result.AssertNoCrash("verify --split-parts --format sarif");
        Assert.Equal(2, result.Code);
        Assert.Contains("--split-parts", result.Err);
        Assert.Equal("", result.Out);
    }
}
