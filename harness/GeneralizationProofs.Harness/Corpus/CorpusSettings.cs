using System.Globalization;
using System.Text.Json.Nodes;
using GeneralizationProofs.Harness.Reports;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// What a corpus run was asked to do, kept with its results so reports can say it and a merge can check that its
/// shards answer the same question.
/// </summary>
/// <param name="Folders">the policy folders' names (not their paths, which differ between machines).</param>
/// <param name="CorpusPolicies">policies in the (sampled) corpus before sharding: what the shards must add up to.</param>
/// <param name="Shard">the part of the corpus this run proved; null for the whole corpus (or a merge).</param>
/// <param name="Engine">the proof engines (<c>--engine</c>: z3, automata or both), which decide what unknown can mean.</param>
public sealed record CorpusSettings(
    string Catalog,
    string CatalogDate,
    string Strategy,
    double UnusedRate,
    int Seed,
    int Jobs,
    int Sample,
    uint TimeoutMs = 10_000,
    IReadOnlyList<string>? Folders = null,
    int CorpusPolicies = 0,
    Shard? Shard = null,
    string Engine = "both")
{
    /// <summary>The settings every shard of one run must share, as name and value (N, the shard count, among them).</summary>
    public IEnumerable<(string Name, string Value)> MustMatch()
    {
        yield return ("catalog", Catalog);
        yield return ("catalogDate", CatalogDate);
        yield return ("strategy", Strategy);
        yield return ("unusedRate", UnusedRate.ToString("R", CultureInfo.InvariantCulture));
        yield return ("seed", Seed.ToString(CultureInfo.InvariantCulture));
        yield return ("sample", Sample.ToString(CultureInfo.InvariantCulture));
        yield return ("engine", Engine);
        yield return ("timeoutMs", TimeoutMs.ToString(CultureInfo.InvariantCulture));
        yield return ("policyFolders", string.Join(", ", Folders ?? []));
        yield return ("corpusPolicies", CorpusPolicies.ToString(CultureInfo.InvariantCulture));
        yield return ("shard count N", Shard?.Count.ToString(CultureInfo.InvariantCulture) ?? "none");
    }

    /// <summary>The settings' fields of summary.json.</summary>
    public void WriteTo(JsonObject root)
    {
        root["catalog"] = Catalog;
        root["catalogDate"] = CatalogDate;
        root["strategy"] = Strategy;
        root["unusedRate"] = UnusedRate;
        root["seed"] = Seed;
        root["jobs"] = Jobs;
        root["sample"] = Sample;
        root["engine"] = Engine;
        root["timeoutMs"] = TimeoutMs;
        root["policyFolders"] = new JsonArray((Folders ?? []).Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
        root["corpusPolicies"] = CorpusPolicies;
        root["shard"] = Shard is { } s ? new JsonObject { ["index"] = s.Index, ["count"] = s.Count } : null;
    }

    public static CorpusSettings ReadFrom(JsonNode root, string file)
    {
        var shard = root["shard"] is { } s
            ? new Shard(ReportJson.Int(s, "index", file), ReportJson.Int(s, "count", file))
            : null;
        var timeout = ReportJson.Double(root, "timeoutMs", file);
        return new CorpusSettings(
            ReportJson.String(root, "catalog", file),
            ReportJson.String(root, "catalogDate", file),
            ReportJson.String(root, "strategy", file),
            ReportJson.Double(root, "unusedRate", file),
            ReportJson.Int(root, "seed", file),
            ReportJson.Int(root, "jobs", file),
            ReportJson.Int(root, "sample", file),
            timeout is >= 0 and <= uint.MaxValue && double.IsInteger(timeout)
                ? (uint)timeout
                : throw new InputException(file, "$.timeoutMs", "must be a whole number of milliseconds"),
            ReportJson.Strings(root, "policyFolders", file),
            ReportJson.Int(root, "corpusPolicies", file),
            shard,
            ReportJson.String(root, "engine", file));
    }
}
