using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// One policy of a corpus run as the reports show it: everything summary.json, junit.xml, sarif.json and index.html
/// say about it, and nothing they do not. It is written to summary.json and read back from it, which is what lets
/// <c>genproof merge</c> rebuild those four files from shard reports. The policy's own page under <c>policies/</c>
/// needs the refinement itself and is written by the shard that proved it (<see cref="Page"/> names it the same in
/// every run, from its <see cref="Index"/> in the whole corpus).
/// </summary>
/// <param name="Index">the policy's position in the (sampled) corpus, before sharding: the order every report uses.</param>
/// <param name="Id">folder and file name (<see cref="CorpusSummary.Id"/>), the same on every machine.</param>
/// <param name="File">the policy file for SARIF: relative to the working directory when under it, else <paramref name="Id"/>.</param>
public sealed record PolicyEntry(
    int Index,
    string Id,
    string Name,
    string File,
    PolicyStatus Status,
    string? Problem,
    int GrantedActions,
    int UnusedActions,
    int OriginalPatterns,
    int RefinedPatterns,
    double RefineMs,
    double ProveMs,
    IReadOnlyList<PropertyFigure> Properties,
    IReadOnlyList<Finding> Findings)
{
    public Verdict Verdict => Status switch
    {
        PolicyStatus.Proved => Verdict.Proved,
        PolicyStatus.Refuted => Verdict.Refuted,
        _ => Verdict.Unknown, // an unreadable policy is not proved either
    };

    /// <summary>Refinement plus proof.</summary>
    public double Milliseconds => RefineMs + ProveMs;

    public string Page => CorpusReport.PageName(Index, Id);

    public static PolicyEntry Of(PolicyProof p, int index)
    {
        var id = CorpusSummary.Id(p.File);
        if (p.Report is not { } report || p.Refinement is not { } refinement)
        {
            // No report: unreadable, or read but the strategy failed (unknown, with the sets it was asked about).
            var finding = p.Status == PolicyStatus.Unreadable
                ? Finding.OfUnreadable(p.Problem ?? "")
                : Finding.OfStrategyFailure(p.Problem ?? "");
            return new PolicyEntry(index, id, p.Name, ArtifactFile(p.File, id), p.Status, p.Problem,
                p.GrantedActions, p.UnusedActions, p.OriginalPatterns, 0, p.RefineMs, p.ProveMs, [], [finding]);
        }
        var findings = Finding.Of(report, refinement.Original, ReadBytes(p.File));
        var problem = p.Status == PolicyStatus.Proved ? null
            : (findings.FirstOrDefault(f => f.Verdict == p.Verdict) ?? findings.FirstOrDefault())?.Message ?? "";
        var figures = report.Properties
            .Select(x => new PropertyFigure(PropertyKinds.Name(x.Property), x.Verdict, x.Queries, x.Milliseconds)).ToList();
        return new PolicyEntry(index, id, p.Name, ArtifactFile(p.File, id), p.Status, problem, p.GrantedActions, p.UnusedActions,
            p.OriginalPatterns, p.RefinedPatterns, p.RefineMs, p.ProveMs, figures, findings);
    }

    private static byte[]? ReadBytes(string file)
    {
        try
        {
            return System.IO.File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the line of each finding becomes 1; the proof itself stands
        }
    }

    /// <summary>Relative to the working directory when the file is under it (a repository's policies, as code scanning wants).</summary>
    public static string ArtifactFile(string file, string id)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(file));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? id : relative.Replace('\\', '/');
    }

    public JsonObject Json() => new()
    {
        ["index"] = Index,
        ["policy"] = Id,
        ["name"] = Name,
        ["file"] = File,
        ["status"] = Status.ToString().ToLowerInvariant(),
        ["problem"] = Problem,
        ["grantedActions"] = GrantedActions,
        ["unusedActions"] = UnusedActions,
        ["originalPatterns"] = OriginalPatterns,
        ["refinedPatterns"] = RefinedPatterns,
        ["refineMilliseconds"] = Math.Round(RefineMs, 2),
        ["proveMilliseconds"] = Math.Round(ProveMs, 2),
        ["properties"] = new JsonArray(Properties.Select(x => (JsonNode)new JsonObject
        {
            ["property"] = x.Property,
            ["verdict"] = Verdicts.Name(x.Verdict),
            ["queries"] = x.Queries,
            ["milliseconds"] = Math.Round(x.Milliseconds, 2),
        }).ToArray()),
        ["findings"] = new JsonArray(Findings.Select(f => (JsonNode)f.Json()).ToArray()),
    };

    public static PolicyEntry FromJson(JsonNode? node, string file)
    {
        var status = ReportJson.String(node, "status", file);
        return new PolicyEntry(
            ReportJson.Int(node, "index", file),
            ReportJson.String(node, "policy", file),
            ReportJson.String(node, "name", file),
            ReportJson.String(node, "file", file),
            Enum.TryParse<PolicyStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)
                ? s : throw new InputException(file, node!.GetPath() + ".status", $"'{status}' is not a policy status"),
            ReportJson.OptionalString(node, "problem", file),
            ReportJson.Int(node, "grantedActions", file),
            ReportJson.Int(node, "unusedActions", file),
            ReportJson.Int(node, "originalPatterns", file),
            ReportJson.Int(node, "refinedPatterns", file),
            ReportJson.Double(node, "refineMilliseconds", file),
            ReportJson.Double(node, "proveMilliseconds", file),
            ReportJson.Array(node, "properties", file).Select(x => new PropertyFigure(
                ReportJson.String(x, "property", file), ReportJson.Verdict(x, "verdict", file),
                ReportJson.Int(x, "queries", file), ReportJson.Double(x, "milliseconds", file))).ToList(),
            ReportJson.Array(node, "findings", file).Select(f => Finding.FromJson(f, file)).ToList());
    }
}
