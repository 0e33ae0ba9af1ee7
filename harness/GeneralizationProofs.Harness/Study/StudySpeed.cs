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
            foreach (var (policy, context) in cases)
            {
                foreach (var strategy in strategies)
                {
                    cancel.ThrowIfCancellationRequested();
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        strategy.Refine(policy, context);
                        times[strategy.Name].Add(watch.Elapsed.TotalMilliseconds);
                    }
                    catch (StrategyFailedException)
                    {
                        // a crashed or timed-out request is not a speed; the study's problem list names it
                    }
                }
            }
            var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            figures.AddRange(strategies.Select(s => new SpeedFigures(s.Name, folderName, times[s.Name].Count, times[s.Name].Sum(),
                Statistics.Median(times[s.Name]))));
        }
        return figures;
    }
}
