using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.External;
using GeneralizationProofs.Harness.Reports;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// A policy that was read but that the strategy gave no refinement for (an exec: process that crashes) is unknown in
/// every corpus report, never unreadable and never proved, and stays so when a shard's summary.json is read back.
/// </summary>
public sealed class CorpusStrategyFailureTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-strategy-failure-");

    public void Dispose() => _dir.Delete(recursive: true);

    [SkippableFact]
    public void ACrashingStrategyIsUnknownInTheSummaryJUnitAndSarif()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "policies")).FullName;
        File.Copy(TestData.Path("policies/aws-managed/AmazonS3ReadOnlyAccess.json"), Path.Combine(folder, "S3.json"));
        var script = Path.Combine(_dir.FullName, "crash.py");
        File.WriteAllText(script, "import sys\nsys.stdin.readline()\nsys.exit(1)\n");
        using var strategy = new ExternalStrategy($"python3 {script}");
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var proofs = new CorpusProof(catalog, strategy, 0.3, seed: 1).Run(CorpusCase.Files([folder]), jobs: 1);
        var summary = new CorpusSummary(new CorpusSettings("aws-2026-08-21.json", catalog.Date, strategy.Name, 0.3, 1, 1, 1),
            proofs, 1);

        var entry = Assert.Single(summary.Policies);
        Assert.Equal(PolicyStatus.Unknown, entry.Status);
        Assert.True(entry.GrantedActions > 0, "the policy was read: its granted actions are counted");
        var finding = Assert.Single(entry.Findings);
        Assert.Equal(Finding.StrategyFailed, finding.Rule);
        Assert.Contains("failed on", finding.Detail);
        Assert.Contains("UNKNOWN: policies/S3.json: strategy", summary.Text());

        var report = Path.Combine(_dir.FullName, "report");
        CorpusReport.Write(report, summary, catalog, strategy);
        var back = CorpusSummary.Read(Path.Combine(report, "summary.json"));
        Assert.Equal(PolicyStatus.Unknown, Assert.Single(back.Policies).Status);
        Assert.Equal(Finding.StrategyFailed, Assert.Single(back.Policies[0].Findings).Rule);

        var testCase = XDocument.Load(Path.Combine(report, "junit.xml")).Descendants("testcase").Single();
        var error = testCase.Element("error") ?? throw new Xunit.Sdk.XunitException("no <error> for an unknown policy");
        Assert.Contains("STRATEGY FAILED", error.Value);

        var sarif = File.ReadAllText(Path.Combine(report, "sarif.json"));
        SarifTests.AssertValid(sarif);
        var result = Assert.Single(JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray());
        Assert.Equal("GP-STRATEGY", (string)result!["ruleId"]!);
        Assert.Equal("warning", (string)result["level"]!);
    }
}
