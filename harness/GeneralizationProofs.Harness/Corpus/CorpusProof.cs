using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// Regression proofs over real policies: each policy gets a seeded unused set drawn from the actions it grants
/// (<see cref="CorpusCase"/>), is refined by the strategy, and has every claimed property proved. Policies are
/// independent, so they run on <c>jobs</c> threads, each policy with its own engines (<see cref="Engines.Create"/>).
/// A policy that cannot be read is recorded as such and the run goes on.
/// </summary>
public sealed class CorpusProof(ActionCatalog catalog, IPolicyStrategy strategy, double unusedRate, int seed, uint timeoutMs = 10_000,
    EngineChoice engine = EngineChoice.Z3)
{
    /// <summary>
    /// Proves every file; <paramref name="done"/> is called (from worker threads) as each one finishes. Cancelling
    /// interrupts the running queries (Z3_interrupt), starts no further policy and throws OperationCanceledException.
    /// </summary>
    public PolicyProof[] Run(IReadOnlyList<string> files, int jobs, Action<PolicyProof>? done = null, CancellationToken cancel = default)
    {
        var results = new PolicyProof[files.Count];
        // Results land in file order whatever the schedule. Each worker keeps its engines for a run of policies (a Z3
        // session is not thread-safe; its start and its first queries cost tens of milliseconds, more than a small
        // policy's proof) and starts fresh ones every PoliciesPerSession: a session keeps every regex it built and Z3
        // its caches, which over the whole corpus in one session grew to 10 GB.
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel };
            Parallel.For(0, files.Count, options, () => new WorkerEngines(() => Engines.Create(engine, timeoutMs, cancel: cancel)),
                (i, _, worker) =>
                {
                    results[i] = Prove(files[i], worker.Next(), cancel);
                    done?.Invoke(results[i]);
                    return worker;
                },
                worker => worker.Dispose());
        }
        // A worker stopped by the token throws inside the loop, which wraps it; the caller wants the cancellation.
        catch (AggregateException e) when (cancel.IsCancellationRequested
                                           && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel);
        }
        return results;
    }

    public PolicyProof Prove(string file, IQuerySolver solver, CancellationToken cancel = default)
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
        RefinementProof proof;
        try
        {
            proof = RefineAndProve.Run(strategy, policy, catalog, unused, solver, ProofScope.ClaimsOf(strategy), cancel: cancel);
        }
        catch (StrategyFailedException e)
        {
            return new PolicyProof(file, policy.Name, Verdict.Unknown, e.Message, granted.Count, unused.Count,
                policy.Statements.Sum(s => s.Actions.Count), 0, watch.Elapsed.TotalMilliseconds, 0, null, null, unused);
        }
        return new PolicyProof(file, policy.Name, proof.Report.Verdict, null, granted.Count, unused.Count,
            policy.Statements.Sum(s => s.Actions.Count), proof.Refined.Statements.Sum(s => s.Actions.Count),
            draw + proof.RefineMs, proof.ProveMs, proof.Refinement, proof.Report, unused);
    }
}
