using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.Study;

/// <summary>
/// Side-by-side speed: the same refinements (policy, catalog, unused set) by every strategy, one after another on each
/// policy, on one thread, so the machine's load weighs on every strategy alike; a peer's figure divided by the
/// reference's is the speed ratio. The size table's "refine ms" comes from the parallel study, where an external
/// strategy's requests queue behind its one process; this one does not. Each strategy refines the first policy once
/// untimed first (process start, catalog read, JIT), so the figures are per request after start-up, protocol included.
/// A policy some strategy gave no result for is timed for none and counted in that strategy's failed column.
/// </summary>
public static class StudySpeed
{
    public static List<SpeedFigures> Run(IReadOnlyList<string> folders, int sample, int perFolder,
        IReadOnlyList<IPolicyStrategy> strategies, ActionCatalog catalog, double rate, int seed, CancellationToken cancel = default)
    {
        var figures = new List<SpeedFigures>();
        foreach (var folder in folders)
        {
            var cases = StudyProofs.Chosen(folder, sample, perFolder)
                .Select(StudyProofs.TryLoad).OfType<PolicyDocument>()
                .Select(policy => (Policy: policy,
                    Context: new GeneralizationContext(catalog, CorpusCase.Unused(policy, catalog, rate, seed))))
                .ToList();
            if (cases.Count == 0)
            {
                continue;
            }
            foreach (var strategy in strategies)
            {
                try
                {
                    strategy.Refine(cases[0].Policy, cases[0].Context); // warm-up, untimed
                }
                catch (StrategyFailedException)
                {
                    // started, and that is what the warm-up is for
                }
            }
            var times = strategies.ToDictionary(s => s.Name, _ => new List<double>());
            var failed = strategies.ToDictionary(s => s.Name, _ => 0);
            foreach (var (policy, context) in cases)
            {
                var timed = new Dictionary<string, double>();
                foreach (var strategy in strategies)
                {
                    cancel.ThrowIfCancellationRequested();
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        strategy.Refine(policy, context);
                        timed[strategy.Name] = watch.Elapsed.TotalMilliseconds;
                    }
                    catch (StrategyFailedException)
                    {
                        failed[strategy.Name]++; // not a speed: counted; the bench-report log names it
                    }
                }
                if (timed.Count == strategies.Count)
                {
                    // Only refinements that every strategy answered are timed, so that the totals and ratios compare.
                    foreach (var (name, milliseconds) in timed)
                    {
                        times[name].Add(milliseconds);
                    }
                }
            }
            var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            figures.AddRange(strategies.Select(s => new SpeedFigures(s.Name, folderName, times[s.Name].Count, times[s.Name].Sum(),
                Statistics.Median(times[s.Name]), failed[s.Name])));
        }
        return figures;
    }
}
