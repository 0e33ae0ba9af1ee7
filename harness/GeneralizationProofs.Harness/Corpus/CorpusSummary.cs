using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>The figures of a corpus run, and its two machine-readable forms: summary.json and JUnit XML.</summary>
public sealed class CorpusSummary(CorpusSettings settings, IReadOnlyList<PolicyProof> policies, double seconds)
{
    public CorpusSettings Settings => settings;
    public IReadOnlyList<PolicyProof> Policies => policies;
    public double Seconds => seconds;

    public int Count(PolicyStatus status) => policies.Count(p => p.Status == status);

    /// <summary>Proved when every policy is; an unreadable policy is not proved either (Unknown).</summary>
    public Verdict Verdict => Verdicts.All(policies.Select(p => p.Verdict));

    /// <summary>Refinement plus proof, per readable policy.</summary>
    public static double Milliseconds(PolicyProof p) => p.RefineMs + p.ProveMs;

    public double MedianMs => Statistics.Median(policies.Where(p => p.Report is not null).Select(Milliseconds));

    public PolicyProof? Slowest => policies.Where(p => p.Report is not null).MaxBy(Milliseconds);

    public string Solver => policies.FirstOrDefault(p => p.Report is not null)?.Report!.Solver ?? "";

    /// <summary>The folder and file name, which is what identifies a policy across machines.</summary>
    public static string Id(PolicyProof p) =>
        $"{Path.GetFileName(Path.GetDirectoryName(p.File))}/{Path.GetFileName(p.File)}";

    /// <summary>Policies on which the two engines of <c>--engine both</c> disagreed (each is also unknown).</summary>
    public int Disagreements => policies.Count(p => p.Report is { } r
        && r.Properties.Any(q => q.Statements.Any(o => o.Reason?.Contains("engines disagree", StringComparison.Ordinal) == true)));

    public string Text()
    {
        var sb = new StringBuilder();
        sb.Append($"corpus: {policies.Count} policies, strategy '{settings.Strategy}', catalog {settings.Catalog} ({settings.CatalogDate}), ");
        sb.Append($"unused rate {settings.UnusedRate.ToString(CultureInfo.InvariantCulture)}, seed {settings.Seed}, {settings.Jobs} jobs{(settings.Sample > 1 ? $", every {settings.Sample}th policy" : "")}\n");
        sb.Append($"solver: {Solver}; engine disagreements: {Disagreements}\n");
        sb.Append($"{"proved",8} {"refuted",8} {"unknown",8} {"unreadable",11} {"time",9} {"median",10} slowest\n");
        var slowest = Slowest is { } s ? $"{s.Name} ({Milliseconds(s) / 1000:F1} s)" : "-";
        sb.Append($"{Count(PolicyStatus.Proved),8} {Count(PolicyStatus.Refuted),8} {Count(PolicyStatus.Unknown),8} {Count(PolicyStatus.Unreadable),11} {seconds,7:F1} s {MedianMs,7:F0} ms {slowest}\n");
        foreach (var p in policies.Where(p => p.Status != PolicyStatus.Proved))
        {
            sb.Append($"{p.Status.ToString().ToUpperInvariant()}: {Id(p)}: {Problem(p)}\n");
        }
        sb.Append(Verdict switch
        {
            Verdict.Proved => "RESULT: every claimed property PROVED on every policy\n",
            Verdict.Refuted => "RESULT: REFUTED on some policy (counterexamples in the report)\n",
            _ => "RESULT: NOT PROVED: some policy is unknown or unreadable\n",
        });
        return sb.ToString();
    }

    /// <summary>One line on what went wrong: the first counterexample, unknown reason or structure problem.</summary>
    public static string Problem(PolicyProof p)
    {
        if (p.Problem is { } problem)
        {
            return problem;
        }
        var report = p.Report!;
        if (report.StructureProblems.Count > 0)
        {
            return "structure: " + report.StructureProblems[0];
        }
        foreach (var property in report.Properties.Where(x => x.Claimed && x.Verdict != Verdict.Proved))
        {
            var statement = property.Statements.First(s => s.Verdict == property.Verdict);
            var name = PropertyKinds.Name(property.Property);
            return statement.Counterexample is { } c
                ? $"{name} refuted in {statement.Statement}: {c.Explanation}"
                : $"{name} {property.Verdict.ToString().ToLowerInvariant()} in {statement.Statement}: {statement.Reason}";
        }
        return "";
    }

    public string Json()
    {
        var slowest = Slowest;
        var root = new JsonObject
        {
            ["tool"] = "genproof corpus",
            ["solver"] = Solver,
            ["disagreements"] = Disagreements,
            ["catalog"] = settings.Catalog,
            ["catalogDate"] = settings.CatalogDate,
            ["strategy"] = settings.Strategy,
            ["unusedRate"] = settings.UnusedRate,
            ["seed"] = settings.Seed,
            ["jobs"] = settings.Jobs,
            ["sample"] = settings.Sample,
            ["seconds"] = Math.Round(seconds, 2),
            ["result"] = Verdict switch { Verdict.Proved => "proved", Verdict.Refuted => "refuted", _ => "not proved" },
            ["totals"] = new JsonObject
            {
                ["policies"] = policies.Count,
                ["proved"] = Count(PolicyStatus.Proved),
                ["refuted"] = Count(PolicyStatus.Refuted),
                ["unknown"] = Count(PolicyStatus.Unknown),
                ["unreadable"] = Count(PolicyStatus.Unreadable),
            },
            ["medianMilliseconds"] = Math.Round(MedianMs, 1),
            ["slowest"] = slowest is null ? null : new JsonObject { ["policy"] = Id(slowest), ["milliseconds"] = Math.Round(Milliseconds(slowest), 1) },
            ["policies"] = new JsonArray(policies.Select(p => (JsonNode)PolicyJson(p)).ToArray()),
        };
        return PolicyDocument.Write(root);
    }

    private static JsonObject PolicyJson(PolicyProof p) => new()
    {
        ["policy"] = Id(p),
        ["name"] = p.Name,
        ["status"] = p.Status.ToString().ToLowerInvariant(),
        ["problem"] = p.Status == PolicyStatus.Proved ? null : Problem(p),
        ["grantedActions"] = p.GrantedActions,
        ["unusedActions"] = p.UnusedActions,
        ["originalPatterns"] = p.OriginalPatterns,
        ["refinedPatterns"] = p.RefinedPatterns,
        ["refineMilliseconds"] = Math.Round(p.RefineMs, 2),
        ["proveMilliseconds"] = Math.Round(p.ProveMs, 2),
        ["properties"] = new JsonArray((p.Report?.Properties ?? []).Select(x => (JsonNode)new JsonObject
        {
            ["property"] = PropertyKinds.Name(x.Property),
            ["outcome"] = x.Verdict.ToString().ToLowerInvariant(),
            ["queries"] = x.Queries,
            ["milliseconds"] = Math.Round(x.Milliseconds, 2),
        }).ToArray()),
    };

    /// <summary>
    /// JUnit XML, one test suite per policy folder and one test case per policy: a refuted claim is a failure, an
    /// unknown one or an unreadable policy an error (CI systems show both as red).
    /// </summary>
    public string JUnit()
    {
        static string Seconds(double ms) => (ms / 1000).ToString("F3", CultureInfo.InvariantCulture);
        var suites = policies.GroupBy(p => Path.GetFileName(Path.GetDirectoryName(p.File)) ?? "").Select(folder =>
            new XElement("testsuite",
                new XAttribute("name", $"genproof corpus {folder.Key}"),
                new XAttribute("tests", folder.Count()),
                new XAttribute("failures", folder.Count(p => p.Status == PolicyStatus.Refuted)),
                new XAttribute("errors", folder.Count(p => p.Status is PolicyStatus.Unknown or PolicyStatus.Unreadable)),
                new XAttribute("time", Seconds(folder.Sum(Milliseconds))),
                folder.Select(p => new XElement("testcase",
                    new XAttribute("classname", $"corpus.{folder.Key}"),
                    new XAttribute("name", p.Name),
                    new XAttribute("time", Seconds(Milliseconds(p))),
                    p.Status switch
                    {
                        PolicyStatus.Refuted => new XElement("failure", new XAttribute("message", Problem(p)), ReportWriter.Text(p.Report!, withEvidence: false)),
                        PolicyStatus.Unknown => new XElement("error", new XAttribute("message", Problem(p)),
                            p.Report is { } report ? ReportWriter.Text(report, withEvidence: false) : ""),
                        PolicyStatus.Unreadable => new XElement("error", new XAttribute("message", Problem(p))),
                        _ => null,
                    }))));
        var root = new XElement("testsuites",
            new XAttribute("name", "genproof corpus"),
            new XAttribute("tests", policies.Count),
            new XAttribute("failures", Count(PolicyStatus.Refuted)),
            new XAttribute("errors", Count(PolicyStatus.Unknown) + Count(PolicyStatus.Unreadable)),
            new XAttribute("time", (seconds).ToString("F3", CultureInfo.InvariantCulture)),
            suites);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root + "\n";
    }
}
