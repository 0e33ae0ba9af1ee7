using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Study;

/// <summary>The study's proof column: each real strategy's claims proved on a sample of each folder.</summary>
public static class StudyProofs
{
    /// <summary>Every real strategy's claims on an evenly spread sample of each folder, against the newest catalog.</summary>
    public static List<ProofFigures> Run(
        List<string> folders, int sample, int perFolder, ActionCatalog catalog, double rate, int seed, Action<string> log)
    {
        var figures = new List<ProofFigures>();
        if (perFolder == 0)
        {
            return figures;
        }
        using var solver = new Z3Session();
        foreach (var folder in folders)
        {
            var files = CorpusCase.Sample(CorpusCase.Files([folder]), sample);
            var chosen = files.Where((_, i) => i % Math.Max(1, files.Count / perFolder) == 0).Take(perFolder).ToList();
            foreach (var strategy in Strategies.All)
            {
                int proved = 0, refuted = 0, unknown = 0;
                var watch = Stopwatch.StartNew();
                foreach (var file in chosen)
                {
                    PolicyDocument policy;
                    try
                    {
                        policy = PolicyDocument.Load(file);
                    }
                    catch (InputException)
                    {
                        continue;
                    }
                    var unused = CorpusCase.Unused(policy, catalog, rate, seed);
                    var report = RefineAndProve.Run(strategy, policy, catalog, unused, solver, ProofScope.ClaimsOf(strategy)).Report;
                    switch (report.Verdict)
                    {
                        case Verdict.Proved: proved++; break;
                        case Verdict.Refuted: refuted++; break;
                        default: unknown++; break;
                    }
                }
                var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
                figures.Add(new ProofFigures(strategy.Name, folderName, proved + refuted + unknown, proved, refuted, unknown,
                    watch.Elapsed.TotalSeconds));
                log($"proofs: {strategy.Name} on {chosen.Count} policies of {folder}: "
                    + $"{proved} proved, {refuted} refuted, {unknown} unknown");
            }
        }
        return figures;
    }
}
