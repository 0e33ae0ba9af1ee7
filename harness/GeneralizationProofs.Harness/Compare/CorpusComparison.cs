using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>
/// "What did my change do": both sides refine every policy of a corpus with the same seeded unused set as
/// <c>genproof corpus</c> (<see cref="CorpusCase"/>), and each pair is compared over all strings.
/// </summary>
public sealed class CorpusComparison(ActionCatalog catalog, IReadOnlyList<ActionCatalog> later, ComparisonSide left, ComparisonSide right,
    double unusedRate, int seed, uint timeoutMs = 10_000)
{
    public ComparedPolicy[] Run(IReadOnlyList<string> files, int jobs, Action<ComparedPolicy>? done = null)
    {
        var results = new ComparedPolicy[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            using var solver = new Z3Session(timeoutMs);
            results[i] = Compare(files[i], solver);
            done?.Invoke(results[i]);
        });
        return results;
    }

    public ComparedPolicy Compare(string file, IQuerySolver solver)
    {
        try
        {
            var policy = PolicyDocument.Load(file);
            var unused = CorpusCase.Unused(policy, catalog, unusedRate, seed);
            var l = left.Refined(policy, catalog, unused);
            var r = right.Refined(policy, catalog, unused);
            var comparison = new PolicyComparer(catalog, later, solver).Compare(policy, l, r, left.Name, right.Name);
            return new ComparedPolicy(file, policy.Name, comparison, null);
        }
        catch (Exception e) when (e is InputException or StrategyFailedException)
        {
            return new ComparedPolicy(file, Path.GetFileName(file), null, e.Message);
        }
    }
}
