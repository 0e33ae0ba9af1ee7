namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// <c>genproof merge</c>: shard report folders (each written by <c>genproof corpus --shard I/N --report DIR</c>) into
/// one report folder whose summary.json, junit.xml, sarif.json and index.html say what one unsharded run would
/// (timings aside), and whose policy pages are the shards' own. It refuses shards of different runs, a missing shard,
/// a shard given twice, or a shard that does not hold what its index says, naming which.
/// </summary>
public static class CorpusMerge
{
    /// <param name="output">the merged report's folder, which must not be a shard's.</param>
    /// <param name="into">where to write it: <paramref name="output"/>, or a staging folder the caller moves there.</param>
    public static CorpusSummary Merge(IReadOnlyList<string> folders, string output, string? into = null)
    {
        if (folders.Count == 0)
        {
            throw new InputException("merge", "arguments", "give the shard report folders to merge");
        }
        var outputPath = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var shards = new List<(string File, CorpusSummary Summary, Shard Shard)>();
        foreach (var folder in folders)
        {
            if (Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) == outputPath)
            {
                throw new InputException(folder, "--report",
                    "the merged report would overwrite this shard's report: choose another folder");
            }
            var file = Path.Combine(folder, "summary.json");
            var summary = CorpusSummary.Read(file);
            var shard = summary.Settings.Shard
                ?? throw new InputException(file, "$.shard", "not a shard's report (written by genproof corpus --shard I/N)");
            shards.Add((file, summary, shard));
        }

        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            foreach (var ((name, mine), (_, theirs)) in other.Summary.Settings.MustMatch().Zip(first.Summary.Settings.MustMatch()))
            {
                if (mine != theirs)
                {
                    throw new InputException(other.File, name,
                        $"'{mine}' differs from '{theirs}' in {first.File}: shards of different runs");
                }
            }
            if (other.Summary.Solver is { Length: > 0 } solver && first.Summary.Solver is { Length: > 0 } firstSolver
                && solver != firstSolver)
            {
                throw new InputException(other.File, "solver",
                    $"'{solver}' differs from '{firstSolver}' in {first.File}: shards of different runs");
            }
        }
        var count = first.Shard.Count;
        foreach (var twice in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
        {
            throw new InputException(string.Join(" and ", twice.Select(s => s.File)), "shard", $"shard {twice.Key}/{count} is given twice");
        }
        var missing = Enumerable.Range(0, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(string.Join(", ", folders), "shards",
                $"missing shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} of {count}");
        }
        foreach (var (file, summary, shard) in shards)
        {
            if (summary.Policies.FirstOrDefault(p => Shard.Of(p.Id, count) != shard.Index) is { } stray)
            {
                throw new InputException(file, stray.Id,
                    $"this policy does not belong to shard {shard}: the shard was not cut by genproof's hash");
            }
        }

        var policies = shards.SelectMany(s => s.Summary.Policies).OrderBy(p => p.Index).ToList();
        if (policies.Count != first.Summary.Settings.CorpusPolicies || policies.Select(p => p.Index).Distinct().Count() != policies.Count)
        {
            throw new InputException(string.Join(", ", folders), "policies",
                $"the shards hold {policies.Count} policies; the corpus they were cut from has {first.Summary.Settings.CorpusPolicies}");
        }
        CopyPages(shards.Select(s => Path.GetDirectoryName(s.File)!).ToList(), shards.Select(s => s.Summary).ToList(), into ?? output);
        // Wall times: the shards ran side by side, so the merged run took as long as the slowest one.
        var settings = first.Summary.Settings with { Shard = null, Jobs = shards.Max(s => s.Summary.Settings.Jobs) };
        var merged = new CorpusSummary(settings, policies, shards.Max(s => s.Summary.Seconds),
            shards.Select(s => s.Summary.Solver).FirstOrDefault(s => s.Length > 0) ?? "", count);
        CorpusReport.WriteReports(into ?? output, merged);
        return merged;
    }

    /// <summary>Each policy's page, as its shard drew it (the pages need the refinement, which summary.json does not keep).</summary>
    private static void CopyPages(IReadOnlyList<string> folders, IReadOnlyList<CorpusSummary> summaries, string output)
    {
        var target = Directory.CreateDirectory(Path.Combine(output, "policies")).FullName;
        for (var i = 0; i < folders.Count; i++)
        {
            foreach (var policy in summaries[i].Policies)
            {
                var source = Path.Combine(folders[i], "policies", policy.Page);
                if (!File.Exists(source))
                {
                    throw new InputException(source, "file", "missing: the shard's report folder is incomplete");
                }
                // Through a temporary file and a rename, as every report file: no half-written page on failure.
                var temp = Path.Combine(target, $".{policy.Page}.{Environment.ProcessId}.tmp");
                File.Copy(source, temp, overwrite: true);
                File.Move(temp, Path.Combine(target, policy.Page), overwrite: true);
            }
        }
    }
}
