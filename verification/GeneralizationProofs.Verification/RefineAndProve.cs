using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification;

/// <summary>A refinement and what the verifier said about it, with the time each half took.</summary>
public sealed record RefinementProof(PolicyRefinement Refinement, PolicyDocument Refined, VerificationReport Report, double RefineMs, double ProveMs);

/// <summary>
/// The one flow every caller uses (verbs, corpus, campaigns, study, tests, benchmarks): refine with the strategy,
/// read the refined policy back as a user's file would be read (so the proof judges the text, not the refiner's
/// objects), and prove it against the original.
/// </summary>
public static class RefineAndProve
{
    public static RefinementProof Run(IPolicyStrategy strategy, PolicyDocument policy, ActionCatalog catalog, ActionSet unused,
        IQuerySolver solver, ProofScope scope, string? smtOut = null, IReadOnlyList<string>? ignoredUnused = null,
        CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var refinement = strategy.Refine(policy, new GeneralizationContext(catalog, unused), ignoredUnused);
        var refined = PolicyDocument.Parse(refinement.Refined, policy.File);
        var refineMs = watch.Elapsed.TotalMilliseconds;
        cancel.ThrowIfCancellationRequested();
        watch.Restart();
        var report = Prove(policy, refined, catalog, unused, strategy, solver, scope, smtOut, cancel);
        return new RefinementProof(refinement, refined, report, refineMs, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The proof half alone, for a refinement that exists already (<c>genproof verify</c>).</summary>
    public static VerificationReport Prove(PolicyDocument original, PolicyDocument refined, ActionCatalog catalog, ActionSet unused,
        IPolicyStrategy strategy, IQuerySolver solver, ProofScope scope, string? smtOut = null, CancellationToken cancel = default) =>
        new PolicyVerifier(new CheckContext(catalog, unused, strategy, solver, smtOut))
            .Verify(original, refined, scope.Claimed, scope.Measured, cancel);
}
