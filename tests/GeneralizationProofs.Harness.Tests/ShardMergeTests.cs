using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Corpus;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// One sample of the real corpus proved twice by the built CLI: whole, and as four shards in four processes side by
/// side (as four machines of a job array would), then merged. Run once for every test of the class.
/// </summary>
public sealed class ShardRuns : IDisposable
{
    public const int Shards = 4;

    public ShardRuns()
    {
        if (SharedData.Find() is not { } shared)
        {
            return; // the tests skip (or fail under CI) through TestData
        }
        Dir = Directory.CreateTempSubdirectory("genproof-shards-").FullName;
        string[] common = ["corpus", "--catalog", Path.Combine(shared, "catalogs", "aws-2026-08-21.json"), "--sample", "80", "--jobs", "1"];
        var processes = Enumerable.Range(0, Shards)
            .Select(i => CliProcess.Start(Dir, null, [.. common, "--shard", $"{i}/{Shards}", "--report", ShardFolder(i)]))
            .Append(CliProcess.Start(Dir, null, [.. common, "--report", Whole]))
            .ToList();
        var results = processes.Select(p => CliProcess.Wait(p, 1800)).ToList();
        ShardResults = results.Take(Shards).ToList();
        WholeResult = results[^1];
        MergeResult = CliProcess.Run(Dir, ["merge", .. Enumerable.Range(0, Shards).Select(ShardFolder), "--report", Merged]);
    }

    public string Dir { get; } = "";
    public string Whole => Path.Combine(Dir, "whole");
    public string Merged => Path.Combine(Dir, "merged");
    public string ShardFolder(int i) => Path.Combine(Dir, $"shard-{i}");
    public IReadOnlyList<CliProcess.Result> ShardResults { get; } = [];
    public CliProcess.Result? WholeResult { get; }
    public CliProcess.Result? MergeResult { get; }

    public void Dispose()
    {
        if (Dir.Length > 0)
        {
            Directory.Delete(Dir, recursive: true);
        }
    }
}

public sealed class ShardMergeTests(ShardRuns runs) : IClassFixture<ShardRuns>
{
    private static JsonNode Summary(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!;

    /// <summary>summary.json without the fields that differ between two runs of the same settings.</summary>
    private static JsonNode WithoutRunFields(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(CorpusSummary.RunFields.Contains).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        WithoutRunFields(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    WithoutRunFields(child);
                }
                break;
        }
        return node;
    }

    private static HashSet<string> TestCases(string folder) => XDocument.Load(Path.Combine(folder, "junit.xml")).Descendants("testcase")
        .Select(t => $"{t.Attribute("classname")!.Value}/{t.Attribute("name")!.Value}: "
            + (t.Elements().FirstOrDefault()?.Name.LocalName ?? "passed"))
        .ToHashSet();

    private void Ready()
    {
        TestData.Path("catalogs/aws-2026-08-21.json"); // skips, or fails under CI, without the shared data
        Assert.True(runs.WholeResult!.ExitCode == 0, runs.WholeResult.Stdout + runs.WholeResult.Stderr);
        Assert.All(runs.ShardResults, r => Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr));
    }

    [SkippableFact]
    public void FourShardsMergedEqualTheUnshardedRun()
    {
        Ready();
        Assert.True(runs.MergeResult!.ExitCode == 0, runs.MergeResult.Stdout + runs.MergeResult.Stderr);
        var whole = Summary(runs.Whole);
        var merged = Summary(runs.Merged);
        Assert.Equal(ShardRuns.Shards, (int)merged["mergedShards"]!);
        Assert.True((int)whole["totals"]!["policies"]! >= 30, "the sample is every 80th policy of 3,140");
        Assert.Equal(WithoutRunFields(whole).ToJsonString(), WithoutRunFields(merged).ToJsonString());
        Assert.Equal(TestCases(runs.Whole), TestCases(runs.Merged));
        Assert.Equal(File.ReadAllText(Path.Combine(runs.Whole, "sarif.json")), File.ReadAllText(Path.Combine(runs.Merged, "sarif.json")));
        Assert.Equal(Directory.GetFiles(Path.Combine(runs.Whole, "policies")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(runs.Merged, "policies")).Select(Path.GetFileName).Order());
        Assert.Contains("merged from 4 shards", runs.MergeResult.Stdout);
    }

    [SkippableFact]
    public void EachShardRecordsItsPartAndTheSettingsAndTheShardsPartitionTheSample()
    {
        Ready();
        var all = Summary(runs.Whole)["policies"]!.AsArray().Select(p => (string)p!["policy"]!).ToList();
        var seen = new List<string>();
        for (var i = 0; i < ShardRuns.Shards; i++)
        {
            var summary = Summary(runs.ShardFolder(i));
            Assert.Equal(i, (int)summary["shard"]!["index"]!);
            Assert.Equal(ShardRuns.Shards, (int)summary["shard"]!["count"]!);
            Assert.Equal(all.Count, (int)summary["corpusPolicies"]!);
            Assert.Equal("reference", (string)summary["strategy"]!);
            Assert.Equal(0.3, (double)summary["unusedRate"]!);
            Assert.Contains($"genproof: shard {i}/4", runs.ShardResults[i].Stderr);
            seen.AddRange(summary["policies"]!.AsArray().Select(p => (string)p!["policy"]!));
        }
        Assert.Equal(all.Order(), seen.Order());
    }

    [SkippableFact]
    public void MergeRefusesShardsThatDoNotBelongTogetherAndNamesWhich()
    {
        Ready();
        var folders = Enumerable.Range(0, ShardRuns.Shards).Select(runs.ShardFolder).ToList();
        var output = Path.Combine(runs.Dir, "refused");

        var missing = Assert.Throws<InputException>(() => CorpusMerge.Merge(folders.Take(3).ToList(), output));
        Assert.Contains("missing shard 3/4", missing.Message);

        var twice = Assert.Throws<InputException>(() => CorpusMerge.Merge([.. folders, folders[1]], output));
        Assert.Contains("shard 1/4 is given twice", twice.Message);

        var whole = Assert.Throws<InputException>(() => CorpusMerge.Merge([.. folders, runs.Whole], output));
        Assert.Contains("not a shard", whole.Message);
        Assert.Contains(Path.Combine(runs.Whole, "summary.json"), whole.Message);

        var changes = new (string, JsonNode)[]
        {
            ("strategy", "character"), ("seed", 2), ("unusedRate", 0.2), ("catalog", "aws-2024-06-16.json"),
        };
        foreach (var (key, value) in changes)
        {
            var other = Path.Combine(runs.Dir, $"other-{key}");
            CopyFolder(folders[2], other);
            var summary = Summary(other);
            summary[key] = value.DeepClone();
            File.WriteAllText(Path.Combine(other, "summary.json"), summary.ToJsonString());
            var e = Assert.Throws<InputException>(() => CorpusMerge.Merge([folders[0], folders[1], other, folders[3]], output));
            Assert.Contains(key, e.Message);
            Assert.Contains(Path.Combine(other, "summary.json"), e.Message);
        }

        var count = Path.Combine(runs.Dir, "other-count");
        CopyFolder(folders[3], count);
        var five = Summary(count);
        five["shard"]!["count"] = 5;
        File.WriteAllText(Path.Combine(count, "summary.json"), five.ToJsonString());
        var wrongCount = Assert.Throws<InputException>(() => CorpusMerge.Merge([.. folders.Take(3), count], output));
        Assert.Contains("shard count N", wrongCount.Message);

        var cli = CliProcess.Run(runs.Dir, ["merge", .. folders.Take(2), "--report", output]);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("missing shards 2/4, 3/4", cli.Stderr);
        Assert.False(File.Exists(Path.Combine(output, "summary.json")), "a refused merge writes no report");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
