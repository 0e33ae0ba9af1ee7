using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// One policy of a corpus run: how it was refined and what the verifier said. <see cref="Refinement"/>,
/// <see cref="Report"/> and <see cref="Unused"/> are null only for an unreadable policy, whose <see cref="Problem"/>
/// says why.
/// </summary>
public sealed record PolicyProof(
    string File,
    string Name,
    Verdict Verdict,
    string? Problem,
    int GrantedActions,
    int UnusedActions,
    int OriginalPatterns,
    int RefinedPatterns,
    double RefineMs,
    double ProveMs,
    PolicyRefinement? Refinement,
    VerificationReport? Report,
    ActionSet? Unused)
{
    /// <summary>How a report shows the policy: its verdict, or "unreadable" for a policy that could not be read.</summary>
    public PolicyStatus Status => Report is null ? PolicyStatus.Unreadable : (PolicyStatus)Verdict;
}

/// <summary>A policy's verdict as reports count it: the three verdicts, and the policies that could not be read (not proved).</summary>
public enum PolicyStatus { Proved = Verdict.Proved, Refuted = Verdict.Refuted, Unknown = Verdict.Unknown, Unreadable }

/// <summary>
/// Regression proofs over real policies: each policy gets a seeded unused set drawn from the actions it grants
/// (<see cref="CorpusCase"/>), is refined by the strategy, and has every claimed property proved. Policies are
/// independent, so they run on <c>jobs</c> threads, each policy with its own Z3 session.
/// A policy that cannot be read is recorded as such and the run goes on.
/// </summary>
public sealed class CorpusProof(ActionCatalog catalog, IGeneralizer strategy, double unusedRate, int seed, uint timeoutMs = 10_000)
{
    /// <summary>Proves every file; <paramref name="done"/> is called (from worker threads) as each one finishes.</summary>
    public PolicyProof[] Run(IReadOnlyList<string> files, int jobs, Action<PolicyProof>? done = null)
    {
        var results = new PolicyProof[files.Count];
        // Results land in file order whatever the schedule. Each policy gets a fresh Z3 session: sessions are not
        // thread-safe, and one keeps every regex it built and Z3 its caches, which over the whole corpus grew to 10 GB.
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            using var session = new Z3Session(timeoutMs);
            results[i] = Prove(files[i], session);
            done?.Invoke(results[i]);
        });
        return results;
    }

    public PolicyProof Prove(string file, IQuerySolver solver)
    {
        PolicyDocument policy;
        try
        {
            policy = PolicyDocument.Load(file);
        }
        catch (InputException e)
        {
            return new PolicyProof(file, Path.GetFileNameWithoutExtension(file), Verdict.Unknown, e.Message,
                0, 0, 0, 0, 0, 0, null, null, null);
        }
        var watch = Stopwatch.StartNew();
        var granted = CorpusCase.Granted(policy, catalog);
        var unused = CorpusCase.Unused(policy, granted, unusedRate, seed);
        var draw = watch.Elapsed.TotalMilliseconds;
        // The claims are proved; nothing else is measured (the corpus run answers "is it still right?").
        var proof = RefineAndProve.Run(strategy, policy, catalog, unused, solver, ProofScope.ClaimsOf(strategy));
        return new PolicyProof(file, policy.Name, proof.Report.Verdict, null, granted.Count, unused.Count,
            policy.Statements.Sum(s => s.Actions.Count), proof.Refined.Statements.Sum(s => s.Actions.Count),
            draw + proof.RefineMs, proof.ProveMs, proof.Refinement, proof.Report, unused);
    }
}
