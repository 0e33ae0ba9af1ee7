using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// The figures of a corpus run (or of a shard of one, or of shards merged), and its machine-readable forms:
/// summary.json, which holds everything the other reports need, and JUnit XML.
/// </summary>
public sealed class CorpusSummary(
    CorpusSettings settings, IReadOnlyList<PolicyEntry> policies, double seconds, string solver, int mergedShards = 0)
{
    /// <summary>
    /// The fields of summary.json that differ between two runs of the same settings: wall times, thread counts, how
    /// many shards were merged, and query counts (a query that hits the timeout on a loaded machine is asked again in
    /// smaller pieces). Everything else, verdicts and findings included, is the same in a merge of shards as in one run.
    /// </summary>
    public static readonly IReadOnlyList<string> RunFields =
    [
        "seconds", "jobs", "mergedShards", "medianMilliseconds", "slowest", "refineMilliseconds", "proveMilliseconds", "milliseconds",
        "queries",
    ];

    /// <summary>A run's results; <paramref name="indices"/> are the policies' positions in the whole corpus (default 0, 1, …).</summary>
    public CorpusSummary(CorpusSettings settings, IReadOnlyList<PolicyProof> proofs, double seconds, IReadOnlyList<int>? indices = null)
        : this(settings, proofs.Select((p, i) => PolicyEntry.Of(p, indices?[i] ?? i)).ToList(), seconds,
            proofs.FirstOrDefault(p => p.Report is not null)?.Report!.Solver ?? "")
    {
        Proofs = proofs;
    }

    public CorpusSettings Settings => settings;
    public IReadOnlyList<PolicyEntry> Policies => policies;
    public double Seconds => seconds;
    public string Solver => solver;
    public int MergedShards => mergedShards;

    /// <summary>The proofs themselves, in the order of <see cref="Policies"/>; null for a summary read back from JSON.</summary>
    public IReadOnlyList<PolicyProof>? Proofs { get; }

    public int Count(PolicyStatus status) => policies.Count(p => p.Status == status);

    /// <summary>Proved when every policy is; an unreadable policy is not proved either (Unknown).</summary>
    public Verdict Verdict => Verdicts.All(policies.Select(p => p.Verdict));

    public double MedianMs => Statistics.Median(policies.Where(p => p.Status != PolicyStatus.Unreadable).Select(p => p.Milliseconds));

    public PolicyEntry? Slowest => policies.Where(p => p.Status != PolicyStatus.Unreadable).MaxBy(p => p.Milliseconds);

    /// <summary>The folder and file name, which is what identifies a policy across machines (and picks its shard).</summary>
    public static string Id(string file) => $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}";

    /// <summary>One line on what went wrong: the first counterexample, unknown reason or structure problem.</summary>
    public static string Problem(PolicyEntry p) => p.Problem ?? "";

    /// <summary>Policies on which the two engines of <c>--engine both</c> disagreed (each is also unknown).</summary>
    /// <remarks>Counted from the findings, which keep each unknown's reason, so a merge of shards counts the same.</remarks>
    public int Disagreements => policies.Count(p => p.Findings.Any(f => f.Verdict == Verdict.Unknown
        && f.Detail.Contains("engines disagree", StringComparison.Ordinal)));

    public string Text()
    {
        var sb = new StringBuilder();
        var part = settings.Shard is { } shard ? $" (shard {shard} of {settings.CorpusPolicies})"
            : mergedShards > 0 ? $" (merged from {mergedShards} shards)" : "";
        sb.Append($"corpus: {policies.Count} policies{part}, strategy '{settings.Strategy}', ");
        sb.Append($"catalog {settings.Catalog} ({settings.CatalogDate}), ");
        sb.Append($"unused rate {settings.UnusedRate.ToString(CultureInfo.InvariantCulture)}, seed {settings.Seed}, {settings.Jobs} jobs");
        sb.Append($"{(settings.Sample > 1 ? $", every {settings.Sample}th policy" : "")}\n");
        sb.Append($"solver: {solver}; engine disagreements: {Disagreements}\n");
        sb.Append($"{"proved",8} {"refuted",8} {"unknown",8} {"unreadable",11} {"time",9} {"median",10} slowest\n");
        var slowest = Slowest is { } s ? $"{s.Name} ({s.Milliseconds / 1000:F1} s)" : "-";
        sb.Append($"{Count(PolicyStatus.Proved),8} {Count(PolicyStatus.Refuted),8} {Count(PolicyStatus.Unknown),8} ");
        sb.Append($"{Count(PolicyStatus.Unreadable),11} ");
        sb.Append($"{seconds,7:F1} s {MedianMs,7:F0} ms {slowest}\n");
        foreach (var p in policies.Where(p => p.Status != PolicyStatus.Proved))
        {
            sb.Append($"{p.Status.ToString().ToUpperInvariant()}: {p.Id}: {Problem(p)}\n");
        }
        sb.Append(Verdict switch
        {
            Verdict.Proved => "RESULT: every claimed property PROVED on every policy\n",
            Verdict.Refuted => "RESULT: REFUTED on some policy (counterexamples in the report)\n",
            _ => "RESULT: NOT PROVED: some policy is unknown or unreadable\n",
        });
        return sb.ToString();
    }

    public string Json()
    {
        var slowest = Slowest;
        var root = new JsonObject { ["tool"] = "genproof corpus", ["solver"] = solver };
        settings.WriteTo(root);
        root["seconds"] = Math.Round(seconds, 2);
        root["mergedShards"] = mergedShards;
        root["disagreements"] = Disagreements;
        root["result"] = Verdict switch { Verdict.Proved => "proved", Verdict.Refuted => "refuted", _ => "not proved" };
        root["totals"] = new JsonObject
        {
            ["policies"] = policies.Count,
            ["proved"] = Count(PolicyStatus.Proved),
            ["refuted"] = Count(PolicyStatus.Refuted),
            ["unknown"] = Count(PolicyStatus.Unknown),
            ["unreadable"] = Count(PolicyStatus.Unreadable),
        };
        root["medianMilliseconds"] = Math.Round(MedianMs, 1);
        root["slowest"] = slowest is null
            ? null
            : new JsonObject { ["policy"] = slowest.Id, ["milliseconds"] = Math.Round(slowest.Milliseconds, 1) };
        root["policies"] = new JsonArray(policies.Select(p => (JsonNode)p.Json()).ToArray());
        return PolicyDocument.Write(root);
    }

    /// <summary>A summary.json read back (a shard's, for <c>genproof merge</c>); bad content names the file and field.</summary>
    public static CorpusSummary Read(string file)
    {
        var root = JsonInput.ReadFile(file);
        if (ReportJson.String(root, "tool", file) != "genproof corpus")
        {
            throw new InputException(file, "$.tool", "not the summary of a genproof corpus run");
        }
        var policies = ReportJson.Array(root, "policies", file).Select(p => PolicyEntry.FromJson(p, file)).ToList();
        return new CorpusSummary(CorpusSettings.ReadFrom(root, file), policies, ReportJson.Double(root, "seconds", file),
            ReportJson.String(root, "solver", file), ReportJson.Int(root, "mergedShards", file));
    }

    /// <summary>
    /// JUnit XML, one test suite per policy folder and one test case per policy: a refuted claim is a failure, an
    /// unknown one or an unreadable policy an error (CI systems show both as red).
    /// </summary>
    public string JUnit()
    {
        static string Seconds(double ms) => (ms / 1000).ToString("F3", CultureInfo.InvariantCulture);
        var suites = policies.GroupBy(p => p.Id[..p.Id.LastIndexOf('/')]).Select(folder =>
            new XElement("testsuite",
                new XAttribute("name", $"genproof corpus {folder.Key}"),
                new XAttribute("tests", folder.Count()),
                new XAttribute("failures", folder.Count(p => p.Status == PolicyStatus.Refuted)),
                new XAttribute("errors", folder.Count(p => p.Status is PolicyStatus.Unknown or PolicyStatus.Unreadable)),
                new XAttribute("time", Seconds(folder.Sum(p => p.Milliseconds))),
                folder.Select(p => new XElement("testcase",
                    new XAttribute("classname", $"corpus.{folder.Key}"),
                    new XAttribute("name", p.Name),
                    new XAttribute("time", Seconds(p.Milliseconds)),
                    p.Status switch
                    {
                        PolicyStatus.Refuted => new XElement("failure", new XAttribute("message", Problem(p)), Finding.Text(p.Findings)),
                        PolicyStatus.Unknown => new XElement("error", new XAttribute("message", Problem(p)), Finding.Text(p.Findings)),
                        PolicyStatus.Unreadable => new XElement("error", new XAttribute("message", Problem(p))),
                        _ => null,
                    }))));
        var root = new XElement("testsuites",
            new XAttribute("name", "genproof corpus"),
            new XAttribute("tests", policies.Count),
            new XAttribute("failures", Count(PolicyStatus.Refuted)),
            new XAttribute("errors", Count(PolicyStatus.Unknown) + Count(PolicyStatus.Unreadable)),
            new XAttribute("time", seconds.ToString("F3", CultureInfo.InvariantCulture)),
            suites);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root + "\n";
    }
}
