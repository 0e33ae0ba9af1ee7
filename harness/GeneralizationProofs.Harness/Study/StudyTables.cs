using System.Globalization;

namespace GeneralizationProofs.Harness.Study;

/// <summary>
/// The study's tables. Every strategy's figure is also given as a ratio to the reference on the same run
/// (×1.00 is the reference itself; a dash where the reference's figure is zero).
/// </summary>
public static class StudyTables
{
    private const string Reference = "reference";

    /// <summary>Every table name bench-report can write; other commands filling the same paper leave these blocks alone.</summary>
    public static readonly string[] Names = ["size", "future-summary", "future-by-pair", "proofs", "speed", "failed"];

    public static IReadOnlyList<Table> All(StudyResult result, IReadOnlyList<ProofFigures> proofs, IReadOnlyList<SpeedFigures> speed) =>
        [Size(result), FutureSummary(result), FutureByPair(result), .. proofs.Count > 0 ? [Proofs(proofs)] : Array.Empty<Table>(),
            .. speed.Count > 0 ? [Speed(speed)] : Array.Empty<Table>(), Failed(result)];

    /// <summary>The refinements that gave no result, per strategy and folder over every catalog (zeros shown too).</summary>
    public static Table Failed(StudyResult result) => new("failed",
        "Refinements without a result, over every catalog: errors and crashes, time-outs, and requests not sent because the "
            + "same policy had run out of time under an earlier catalog (left out of the size and future rows)",
        ["strategy", "folder", "refinements", "answered", "failed", "timed out", "not sent after a time-out"],
        (result.Failures ?? []).Select(f => (IReadOnlyList<string>)[f.Strategy, f.Folder, N(f.Requests),
            N(f.Requests - f.Failed - f.TimedOut - f.NotSent), N(f.Failed), N(f.TimedOut), N(f.NotSent)]).ToList());

    public static Table Size(StudyResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in result.Size.GroupBy(s => s.Folder))
        {
            var reference = group.Single(s => s.Strategy == Reference);
            foreach (var s in group)
            {
                var isOriginal = s.Strategy == StrategyStudy.Original;
                rows.Add([s.Strategy, s.Folder, N(s.Policies), N(s.Patterns), Ratio(s.Patterns, reference.Patterns), N(s.Characters),
                    Ratio(s.Characters, reference.Characters), N(s.OverLimit),
                    isOriginal ? "" : $"{N(s.OverAfterSplit)} ({N(s.SplitParts)})",
                    isOriginal ? "" : s.RefineMilliseconds.ToString("F0", CultureInfo.InvariantCulture),
                    isOriginal ? "" : Ratio(s.RefineMilliseconds, reference.RefineMilliseconds)]);
            }
        }
        var limit = StrategyStudy.PolicyCharacterLimit;
        return new Table("size",
            $"Size against catalog {result.CatalogDates[^1]}: Action patterns, policy characters (limit {limit:N0}), refinement time",
            ["strategy", "folder", "policies", "patterns", "× ref", "characters", "× ref", $"over {limit:N0}",
                "over after --split (parts)", "refine ms", "× ref"],
            rows, new HashSet<int> { 9, 10 });
    }

    public static Table FutureSummary(StudyResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in result.Future.GroupBy(f => f.Folder))
        {
            var totals = group.GroupBy(f => f.Strategy).ToDictionary(g => g.Key, g => g.Sum(f => f.Actions));
            var dates = result.CatalogDates.ToList();
            var consecutive = group.Where(f => dates.IndexOf(f.LaterDate) == dates.IndexOf(f.BaseDate) + 1)
                .GroupBy(f => f.Strategy).ToDictionary(g => g.Key, g => g.Sum(f => f.Actions));
            foreach (var (name, total) in totals)
            {
                rows.Add([name, group.Key, N(total), Ratio(total, totals[Reference]),
                    N(consecutive[name]), Ratio(consecutive[name], consecutive[Reference])]);
            }
        }
        return new Table("future-summary",
            "Future permissiveness: later-catalog actions granted beyond the kept set, summed over catalog pairs",
            ["strategy", "folder", "all pairs", "× ref", "next catalog only", "× ref"], rows);
    }

    public static Table FutureByPair(StudyResult result)
    {
        var names = result.Strategies.Prepend(StrategyStudy.Original).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var pair in result.Future.GroupBy(f => (f.Folder, f.BaseDate, f.LaterDate)))
        {
            var byName = pair.ToDictionary(f => f.Strategy, f => f.Actions);
            rows.Add([pair.Key.Folder, $"{pair.Key.BaseDate} → {pair.Key.LaterDate}", .. names.Select(n => N(byName[n]))]);
        }
        return new Table("future-by-pair", "Future permissiveness per catalog pair (refined with the first catalog, counted in the second)",
            ["folder", "catalogs", .. names], rows);
    }

    public static Table Proofs(IReadOnlyList<ProofFigures> proofs) => new("proofs",
        "Claimed properties proved by the SMT verifier on a sample of the corpus",
        ["strategy", "folder", "policies", "proved", "refuted", "unknown", "failed", "seconds"],
        proofs.Select(p => (IReadOnlyList<string>)[p.Strategy, p.Folder, N(p.Policies), N(p.Proved), N(p.Refuted), N(p.Unknown),
            N(p.Failed), p.Seconds.ToString("F1", CultureInfo.InvariantCulture)]).ToList(),
        new HashSet<int> { 7 });

    public static Table Speed(IReadOnlyList<SpeedFigures> speed) => new("speed",
        "Side-by-side speed: the same refinements by every strategy, one after another on one thread (after one untimed warm-up); "
            + "a policy some strategy failed on is timed for none",
        ["strategy", "folder", "policies", "total ms", "× ref", "median ms", "× ref", "failed"],
        speed.GroupBy(s => s.Folder).SelectMany(folder =>
        {
            var reference = folder.Single(s => s.Strategy == Reference);
            return folder.Select(s => (IReadOnlyList<string>)[s.Strategy, s.Folder, N(s.Policies), Ms(s.TotalMilliseconds),
                Ratio(s.TotalMilliseconds, reference.TotalMilliseconds), Ms(s.MedianMilliseconds),
                Ratio(s.MedianMilliseconds, reference.MedianMilliseconds), N(s.Failed)]);
        }).ToList(),
        new HashSet<int> { 3, 4, 5, 6 });

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double reference) =>
        reference == 0 ? "–" : "×" + (value / reference).ToString("F2", CultureInfo.InvariantCulture);
}
