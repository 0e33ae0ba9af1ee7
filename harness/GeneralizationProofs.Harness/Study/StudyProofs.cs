using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Study;

/// <summary>The study's proof column: each strategy's claims proved on a sample of each folder.</summary>
public static class StudyProofs
{
    /// <summary>Each strategy's claims on an evenly spread sample of each folder, against the newest catalog.</summary>
    public static List<ProofFigures> Run(List<string> folders, int sample, int perFolder, IReadOnlyList<IPolicyStrategy> strategies,
        ActionCatalog catalog, double rate, int seed, Action<string> log, CancellationToken cancel = default)
    {
        var figures = new List<ProofFigures>();
        if (perFolder == 0)
        {
            return figures;
        }
        // The token interrupts a running query (Z3_interrupt) and RefineAndProve stops between statements.
        using var solver = new Z3Session(cancel: cancel);
        foreach (var folder in folders)
        {
            var chosen = Chosen(folder, sample, perFolder);
            foreach (var strategy in strategies)
            {
                int proved = 0, refuted = 0, unknown = 0, failed = 0;
                var watch = Stopwatch.StartNew();
                foreach (var file in chosen)
                {
                    if (TryLoad(file) is not { } policy)
                    {
                        continue;
                    }
                    var unused = CorpusCase.Unused(policy, catalog, rate, seed);
                    VerificationReport report;
                    try
                    {
                        report = RefineAndProve.Run(strategy, policy, catalog, unused, solver, ProofScope.ClaimsOf(strategy),
                            cancel: cancel).Report;
                    }
                    catch (StrategyFailedException e)
                    {
                        failed++; // no refinement, nothing to prove: counted in its own column, never as proved
                        log($"proofs: {e.Message}");
                        continue;
                    }
                    switch (report.Verdict)
                    {
                        case Verdict.Proved: proved++; break;
                        case Verdict.Refuted: refuted++; break;
                        default: unknown++; break;
                    }
                }
                var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
                figures.Add(new ProofFigures(strategy.Name, folderName, proved + refuted + unknown + failed, proved, refuted, unknown,
                    watch.Elapsed.TotalSeconds, failed));
                log($"proofs: {strategy.Name} on {chosen.Count} policies of {folder}: "
                    + $"{proved} proved, {refuted} refuted, {unknown} unknown, {failed} failed");
            }
        }
        return figures;
    }

    /// <summary>An evenly spread sample of <paramref name="perFolder"/> policies of a folder (after every sample-th).</summary>
    public static List<string> Chosen(string folder, int sample, int perFolder)
    {
        var files = CorpusCase.Sample(CorpusCase.Files([folder]), sample);
        return files.Where((_, i) => i % Math.Max(1, files.Count / Math.Max(1, perFolder)) == 0).Take(perFolder).ToList();
    }

    /// <summary>The policy, or null when it cannot be read (the study counts unreadable policies already).</summary>
    public static PolicyDocument? TryLoad(string file)
    {
        try
        {
            return PolicyDocument.Load(file);
        }
        catch (InputException)
        {
            return null;
        }
    }
}
