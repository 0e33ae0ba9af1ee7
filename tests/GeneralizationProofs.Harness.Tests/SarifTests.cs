using System.Text.Json.Nodes;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.Reports;
using NJsonSchema;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// SARIF 2.1.0 from a corpus report and from <c>verify --format sarif</c>, validated against the official schema (as
/// the SARIF SDK package ships it); results at the statement's line, with counterexamples and stable fingerprints.
/// </summary>
public sealed class SarifTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-sarif-");

    public void Dispose() => _dir.Delete(recursive: true);

    internal static void AssertValid(string sarif)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-2.1.0.json");
        var schema = JsonSchema.FromFileAsync(file).GetAwaiter().GetResult();
        Assert.Contains("SARIF", schema.Title);
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private static JsonNode Run(string sarif) => JsonNode.Parse(sarif)!["runs"]![0]!;

    [SkippableFact]
    public void ACorpusReportOfAMutantIsValidSarifWithOneResultPerFindingAtTheStatementsLine()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "policies")).FullName;
        foreach (var policy in new[] { "aws-managed/AmazonS3ReadOnlyAccess.json", "aws-managed-raw/AmazonInspector2ReadOnlyAccess" })
        {
            File.Copy(TestData.Path($"policies/{policy}"), Path.Combine(folder, Path.GetFileName(policy)));
        }
        File.WriteAllText(Path.Combine(folder, "Broken.json"), """{"Statement": [{"Effect": "Allow", "Action": 5}]}""");
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var strategy = Mutants.Find("mutant-parent")!;
        var files = CorpusCase.Files([folder]);
        var summary = new CorpusSummary(new CorpusSettings("aws-2026-08-21.json", catalog.Date, strategy.Name, 0.3, 1, 2, 1),
            new CorpusProof(catalog, strategy, 0.3, seed: 1).Run(files, jobs: 2), 1);
        var report = Path.Combine(_dir.FullName, "report");
        CorpusReport.Write(report, summary, catalog, strategy);
        var sarif = File.ReadAllText(Path.Combine(report, "sarif.json"));
        AssertValid(sarif);

        var run = Run(sarif);
        var results = run["results"]!.AsArray();
        Assert.Equal(summary.Policies.Sum(p => p.Findings.Count), results.Count);
        Assert.Contains(results, r => (string)r!["ruleId"]! == "GP-SOUND" && (string)r["level"]! == "error");
        Assert.Contains(results, r => (string)r!["ruleId"]! == "GP-UNREADABLE");
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(
            ["GP-SOUND", "GP-NO-ESCALATION", "GP-COMPLETE", "GP-MAXIMAL", "GP-NON-REDUNDANT", "GP-MINIMUM-SIZE",
             "GP-STRUCTURE", "GP-UNREADABLE", "GP-STRATEGY"],
            rules);
        Assert.StartsWith("Z3 4.", (string)run["invocations"]![0]!["properties"]!["solver"]!);
        foreach (var result in results.Where(r => (string)r!["ruleId"]! == "GP-SOUND"))
        {
            var id = (string)result!["properties"]!["policy"]!;
            var file = Path.Combine(folder, id.Split('/')[1]);
            var line = (int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!;
            Assert.True(line > 1, "a refuted statement is located at its own line");
            Assert.StartsWith("{", File.ReadAllLines(file)[line - 1].Trim()); // the statement object opens there
            var counterexample = (string)result["properties"]!["counterexample"]!;
            Assert.Contains($"\"{counterexample}\"", (string)result["message"]!["text"]!);
            Assert.Matches("^[0-9a-f]{64}$", (string)result["partialFingerprints"]![SarifWriter.FingerprintKey]!);
            Assert.Equal(0, (int)result["ruleIndex"]!);
        }
        // The same findings give the same fingerprints; different statements or strings give different ones.
        var prints = results.Select(r => (string)r!["partialFingerprints"]![SarifWriter.FingerprintKey]!).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
        var again = Run(SarifWriter.Corpus(summary))["results"]!.AsArray();
        Assert.Equal(prints, again.Select(r => (string)r!["partialFingerprints"]![SarifWriter.FingerprintKey]!));
    }

    [SkippableFact]
    public void VerifyFormatSarifIsValidAndPointsAtTheRefutedStatement()
    {
        var catalog = TestData.Path("catalogs/aws-2024-06-16.json");
        var policy = Path.Combine(_dir.FullName, "policy.json");
        File.WriteAllText(policy, """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "Keep", "Effect": "Deny", "Action": "iam:*", "Resource": "*"},
                {
                  "Sid": "S3",
                  "Effect": "Allow",
                  "Action": ["s3:Get*"],
                  "Resource": "*"
                }
              ]
            }
            """);
        var unused = Path.Combine(_dir.FullName, "unused.json");
        File.WriteAllText(unused, """[{"serviceNamespace": "s3", "actions": ["GetObject"]}]""");
        var refined = Path.Combine(_dir.FullName, "refined.json");
        File.WriteAllText(refined, File.ReadAllText(policy).Replace("\"s3:Get*\"", "\"s3:Get*\", \"s3:PutObject\""));

        var result = CliProcess.Run(_dir.FullName, "verify", "--policy", policy, "--unused", unused, "--catalog", catalog,
            "--refined", refined, "--format", "sarif");
        Assert.True(result.ExitCode == 1, result.Stderr + result.Stdout);
        AssertValid(result.Stdout);
        var results = Run(result.Stdout)["results"]!.AsArray();
        Assert.Contains(results, r => (string)r!["ruleId"]! == "GP-SOUND");
        Assert.Contains(results, r => (string)r!["ruleId"]! == "GP-NO-ESCALATION");
        Assert.All(results, r =>
        {
            Assert.Equal("policy.json", (string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
            Assert.Equal(5, (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!); // statement 1 opens on line 5
            Assert.Equal("Statement 1 (Sid S3)", (string)r["properties"]!["statement"]!);
        });

        var proved = CliProcess.Run(_dir.FullName, "verify", "--policy", policy, "--unused", unused, "--catalog", catalog,
            "--refined", policy, "--format", "sarif", "--properties", "no-escalation,complete");
        Assert.Equal(0, proved.ExitCode);
        AssertValid(proved.Stdout);
        Assert.Empty(Run(proved.Stdout)["results"]!.AsArray());
    }

    [Theory]
    [InlineData("$.Statement[0]", 2)]
    [InlineData("$.Statement[0].x", 2)]
    [InlineData("$.Statement[1]", 4)]
    [InlineData("$.Statement[7]", 1)]
    [InlineData("$.Nothing", 1)]
    [InlineData("$", 1)]
    public void JsonLinesFindsWhereAValueStarts(string place, int line)
    {
        // A byte order mark, a blank line, and brackets inside strings that a text search would trip on.
        var json = "\uFEFF{\"Version\": \"2012-10-17\", \"Statement\": [\n  {\"x\": {\"Action\": 1}},\n\n  {\"Action\": \"[\\\"]\"}\n  ]}";
        Assert.Equal(line, JsonLines.LineOf(System.Text.Encoding.UTF8.GetBytes(json), place));
    }

    [Fact]
    public void JsonLinesFindsWrappedStatementsAndSurvivesBrokenJson()
    {
        var wrapped = "{\n \"PolicyVersion\": {\n  \"Document\": {\n   \"Statement\": {\n    \"Effect\": \"Allow\"}}}}"u8.ToArray();
        Assert.Equal(4, JsonLines.LineOf(wrapped, "$.PolicyVersion.Document.Statement"));
        Assert.Equal(1, JsonLines.LineOf("{\"Statement\": [\n{"u8.ToArray(), "$.Statement[3]"));
        Assert.Equal(1, JsonLines.LineOf([], "$.Statement[0]"));
    }
}
