using System.Diagnostics;
using System.Globalization;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.Study;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// How the corpus proof scales, measured on a sample ten times denser than the corpus table's (<see cref="Denser"/>: that
/// one proves in about a second, too short to time): one machine with <c>--jobs 1</c> and
/// <c>--jobs 2</c>, then the sample cut into <see cref="Shards"/> shards (<c>corpus --shard I/N</c>'s own hash) proved one
/// after another, as each of N machines would. The wall time on N machines is that of the slowest shard (plus the
/// merge), which the last row states. Policy counts per shard are deterministic; times are not.
/// </summary>
public static class ScalingTable
{
    public const int Shards = 4;

    /// <summary>The scaling sample for the paper's <c>--sample</c>: every tenth as many policies apart (40 → every 4th).</summary>
    public static int Denser(int sample) => Math.Max(1, sample / 10);

    public static PaperTable Build(ActionCatalog catalog, IReadOnlyList<string> files, PaperSettings settings, Action<string>? log)
    {
        var rows = new List<IReadOnlyList<string>>();
        double oneJob = 0;
        foreach (var jobs in new[] { 1, 2 })
        {
            log?.Invoke($"paper: scaling, the sample with --jobs {jobs}");
            var seconds = Prove(catalog, files, settings, jobs);
            oneJob = jobs == 1 ? seconds : oneJob;
            rows.Add([$"one machine, --jobs {jobs}", N(files.Count), S(seconds), Ratio(oneJob, seconds)]);
        }
        var slowest = 0.0;
        for (var index = 0; index < Shards; index++)
        {
            var shard = new Shard(index, Shards);
            var part = files.Where(f => shard.Contains(CorpusSummary.Id(f))).ToList();
            log?.Invoke($"paper: scaling, shard {shard} ({part.Count} policies)");
            var seconds = Prove(catalog, part, settings, jobs: 2);
            slowest = Math.Max(slowest, seconds);
            rows.Add([$"shard {shard}, --jobs 2", N(part.Count), S(seconds), ""]);
        }
        rows.Add([$"{Shards} machines (the slowest shard)", N(files.Count), S(slowest), Ratio(oneJob, slowest)]);
        var table = new Table("scaling", "Scaling of the corpus proof",
            ["configuration", "policies", "wall s", "speed-up over --jobs 1"], rows, new HashSet<int> { 2, 3 });
        return new PaperTable(table, settings.Command("scaling"));
    }

    private static double Prove(ActionCatalog catalog, IReadOnlyList<string> files, PaperSettings settings, int jobs)
    {
        var watch = Stopwatch.StartNew();
        settings.CorpusProver(catalog).Run(files, jobs);
        return watch.Elapsed.TotalSeconds;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Ratio(double baseline, double seconds) =>
        "×" + (baseline / Math.Max(seconds, 1e-9)).ToString("F2", CultureInfo.InvariantCulture);
}
