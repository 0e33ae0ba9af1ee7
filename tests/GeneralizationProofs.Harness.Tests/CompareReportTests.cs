using System.Xml.Linq;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The corpus compare report: index.html with the changed policies, a page per changed policy with both sides and the
/// witnesses (re-checked here by the matcher), and the index loaded in headless Chromium.
/// </summary>
public class CompareReportTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("genproof-compare-report-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Report()
    {
        var policies = Directory.CreateDirectory(Path.Combine(_dir.FullName, "policies")).FullName;
        foreach (var (name, action) in new[] { ("Reader", "s3:Get*"), ("Describer", "ec2:Describe*"), ("Literal", "sqs:SendMessage") })
        {
            File.WriteAllText(Path.Combine(policies, name + ".json"),
                $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "{{action}}", "Resource": "*"}]}""");
        }
        var report = Path.Combine(_dir.FullName, "report");
        var run = Genproof.Run("compare", "--policies", policies, "--catalog", TestData.Path("catalogs/aws-2024-06-16.json"),
            "--unused-rate", "0.3", "--seed", "1", "--jobs", "2", "--left-strategy", "enumeration", "--right-strategy", "reference",
            "--report", report);
        Assert.True(run.ExitCode == 0, run.ToString());
        return report;
    }

    [SkippableFact]
    public void EachChangedPolicyHasAPageWithBothSidesAndAReplayedWitness()
    {
        var report = Report();
        var pages = Directory.GetFiles(Path.Combine(report, "policies"));
        Assert.Equal(2, pages.Length); // Reader and Describer got wider; the literal is equal and has no page
        var index = File.ReadAllText(Path.Combine(report, "index.html"));
        foreach (var page in pages)
        {
            Assert.Contains($"policies/{Path.GetFileName(page)}", index);
            var html = File.ReadAllText(page);
            Assert.Contains("left ⊂ right", html);
            var witness = System.Net.WebUtility.HtmlDecode(Between(html, "witness\">", "</code>"));
            var sides = XDocument.Parse("<x>" + Between(html, "<table class=\"sides\">", "</table>") + "</x>")
                .Descendants("pre").Select(p => p.Value.Split('\n')).ToList();
            Assert.Equal(2, sides.Count);
            // The right side grants the witness and the left does not, by the core matcher, on the page as printed.
            Assert.DoesNotContain(sides[0], p => Patterns.ActionPattern.Match(p, witness));
            Assert.Contains(sides[1], p => Patterns.ActionPattern.Match(p, witness));
        }
        Assert.True(File.Exists(Path.Combine(report, "summary.json")) && File.Exists(Path.Combine(report, "junit.xml")));
    }

    [SkippableFact]
    public void TheIndexLoadsInHeadlessChromium()
    {
        var chromium = HeadlessChromium.Find();
        var report = Report();
        var url = new Uri(Path.Combine(report, "index.html")).AbsoluteUri;
        var (dom, log) = HeadlessChromium.Run(chromium, _dir.FullName, "--dump-dom", url);
        Assert.Contains("data-ready=\"yes\"", dom); // the script ran to its end
        Assert.DoesNotContain("Uncaught", log);
        Assert.Equal(2, XDocument.Parse("<x>" + Between(dom, "<tbody>", "</tbody>") + "</x>").Descendants("tr").Count());
    }

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {open}");
        start += open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }
}
