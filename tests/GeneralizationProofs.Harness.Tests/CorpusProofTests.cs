using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Verification;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// `genproof corpus` on a small folder of real policies (copied at run time from ../shared into a temporary folder,
/// beside a malformed one): outcomes, the three report files, and the page in headless Chromium.
/// </summary>
public sealed class CorpusProofTests : IDisposable
{
    private static readonly string[] RealPolicies =
    [
        "aws-managed/AmazonS3ReadOnlyAccess.json",
        "aws-managed/AmazonRoute53ProfilesFullAccess.json",
        "aws-managed-raw/AmazonInspector2ReadOnlyAccess",
    ];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-corpus-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "policies")).FullName;
        foreach (var policy in RealPolicies)
        {
            File.Copy(TestData.Path($"policies/{policy}"), Path.Combine(folder, Path.GetFileName(policy)), overwrite: true);
        }
        File.WriteAllText(Path.Combine(folder, "Broken.json"), """{"Statement": [{"Effect": "Allow", "Action": 5}]}""");
        return folder;
    }

    private CorpusSummary Run(IGeneralizer strategy, double rate = 0.3)
    {
        var catalog = TestData.Catalog("aws-2026-08-21.json");
        var files = CorpusCase.Files([Folder()]);
        var watch = Stopwatch.StartNew();
        var results = new CorpusProof(catalog, strategy, rate, seed: 1).Run(files, jobs: 2);
        return new CorpusSummary(new CorpusSettings("aws-2026-08-21.json", catalog.Date, strategy.Name, rate, 1, 2, 1), results,
            watch.Elapsed.TotalSeconds);
    }

    [SkippableFact]
    public void RealPoliciesAreProvedAndTheBrokenOneIsCountedNotFatal()
    {
        var summary = Run(Strategies.Find("reference")!);

        Assert.Equal(4, summary.Policies.Count);
        Assert.Equal(3, summary.Count(PolicyStatus.Proved));
        var broken = Assert.Single(summary.Policies, p => p.Status == PolicyStatus.Unreadable);
        Assert.Contains("Broken.json", broken.Problem);
        Assert.Contains("Action", broken.Problem);
        Assert.Equal(Verdict.Unknown, summary.Verdict); // an unreadable policy is not a proved one
        Assert.All(summary.Policies.Where(p => p.Status == PolicyStatus.Proved), p => Assert.True(p.UnusedActions > 0
            && p.RefinedPatterns > 0));

        var report = Path.Combine(_dir.FullName, "report");
        CorpusReport.Write(report, summary, TestData.Catalog("aws-2026-08-21.json"), Strategies.Find("reference")!);
        var s3 = File.ReadAllText(Directory.GetFiles(Path.Combine(report, "policies"), "*AmazonS3ReadOnlyAccess*").Single());
        Assert.Contains("<svg", s3); // the trie of each refined wildcard, s3:Get* and s3:List*
        Assert.Contains("class=\"unsafe\"", s3);
        Assert.Contains("class=\"safe\"", s3);
        Assert.Contains("<span class=\"del\">-  s3:Get*</span>", s3); // the review-style diff
        Assert.Contains("could not be read", File.ReadAllText(Directory.GetFiles(Path.Combine(report, "policies"), "*Broken*").Single()));
        // The explanation: every unused action it names as the reason a node is unsafe is one of this policy's unused.
        var s3Proof = summary.Proofs!.Single(p => p.Name.Contains("AmazonS3ReadOnlyAccess"));
        var named = System.Text.RegularExpressions.Regex.Matches(s3, @"unused (\S+) starts with it").Select(m => m.Groups[1].Value)
            .ToList();
        Assert.NotEmpty(named);
        Assert.All(named, a => Assert.True(s3Proof.Unused!.Contains(a), a));
        Assert.Contains("<h2>Refined policy</h2>", s3);
        Assert.Contains("size: ", s3);
        // One unreadable policy: the index must not say everything is proved.
        var index = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Contains("Not every property is proved: 0 policies unknown, 1 unreadable, of 4", index);
        Assert.DoesNotContain("is proved on all", index);
    }

    [SkippableFact]
    public void AMutantIsRefutedAndTheReportsSaySo()
    {
        // mutant-parent emits the unsafe parent of a safe node: unsound, caught on real policies at 30% unused.
        var summary = Run(Mutants.Find("mutant-parent")!);
        var refuted = summary.Policies.Where(p => p.Status == PolicyStatus.Refuted).ToList();
        Assert.NotEmpty(refuted);
        Assert.Equal(Verdict.Refuted, summary.Verdict);
        Assert.All(refuted, p => Assert.Contains("refuted", CorpusSummary.Problem(p)));

        var report = Path.Combine(_dir.FullName, "report");
        CorpusReport.Write(report, summary, TestData.Catalog("aws-2026-08-21.json"), Mutants.Find("mutant-parent")!);

        var junit = XDocument.Load(Path.Combine(report, "junit.xml")).Root!;
        Assert.Equal("4", junit.Attribute("tests")!.Value);
        Assert.Equal(refuted.Count.ToString(), junit.Attribute("failures")!.Value);
        Assert.Equal("1", junit.Attribute("errors")!.Value);
        var failure = junit.Descendants("testcase").First(t => t.Element("failure") is not null);
        Assert.Contains(refuted, p => p.Name == failure.Attribute("name")!.Value);
        Assert.Contains("COUNTEREXAMPLE", failure.Element("failure")!.Value);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "summary.json")))!;
        Assert.Equal(refuted.Count, (int)json["totals"]!["refuted"]!);
        Assert.Equal(4, json["policies"]!.AsArray().Count);
        Assert.All(json["policies"]!.AsArray(), p => Assert.NotNull(p!["status"]));

        var index = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Contains("Not proved", index);
        Assert.Contains($"{refuted.Count} of 4 policies are refuted", index); // the headline matches the results
        Assert.DoesNotContain("is proved on all", index);
        var pages = Directory.GetFiles(Path.Combine(report, "policies"));
        Assert.Equal(4, pages.Length);
        var page = File.ReadAllText(pages.First(f => f.Contains(refuted[0].Name)));
        Assert.Contains("Counterexamples and reasons", page);
        Assert.Contains("COUNTEREXAMPLE", page);
    }

    [SkippableFact]
    public void TheIndexLoadsInHeadlessChromiumSortsAndShowsTheTable()
    {
        var chromium = HeadlessChromium.Find();
        var summary = Run(Strategies.Find("reference")!);
        var report = Path.Combine(_dir.FullName, "report");
        CorpusReport.Write(report, summary, TestData.Catalog("aws-2026-08-21.json"), Strategies.Find("reference")!);
        var url = new Uri(Path.Combine(report, "index.html")).AbsoluteUri + "#sort=-granted";

        var (dom, log) = Chromium(chromium, "--dump-dom", url);
        Assert.Contains("data-ready=\"yes\"", dom); // the script ran to its end: no exception on load
        Assert.DoesNotContain("Uncaught", log);
        var grantedColumn = XDocument.Parse("<x>" + Between(dom, "<tbody>", "</tbody>").Replace("&nbsp;", " ") + "</x>")
            .Descendants("tr").Select(tr => int.Parse(tr.Elements("td").ElementAt(2).Value)).ToList();
        Assert.Equal(4, grantedColumn.Count);
        Assert.Equal(grantedColumn.OrderDescending(), grantedColumn); // the linked sort ran in the browser

        var screenshot = Path.Combine(_dir.FullName, "index.png");
        Chromium(chromium, $"--screenshot={screenshot}", url);
        var png = File.ReadAllBytes(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(1280, width);
        // A blank 1280×900 page compresses to a few kB; text, cards and table rows take far more.
        Assert.True(png.Length > 20_000, $"screenshot of {png.Length} bytes looks empty");
    }

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private (string Stdout, string Stderr) Chromium(string chromium, string action, string url) =>
        HeadlessChromium.Run(chromium, _dir.FullName, action, url);
}
