using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// What every flow (refine → re-read → prove, the verbs, corpus, campaigns, compare) needs of a strategy: a name, its
/// claims, M1's coarser candidate, and a whole refined policy. An <see cref="IGeneralizer"/> is one through the
/// refiner (the default <see cref="Refine"/>); an external minimizer answers with a whole policy instead, because the
/// peers of this field work on policies, not on one entry at a time.
/// </summary>
public interface IPolicyStrategy
{
    /// <summary>The name reports show (for <c>--strategy</c> names, the name it is selected by).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The properties this strategy promises; the verifier proves these and reports the others as measurements.</summary>
    PropertyKind Claims { get; }

    /// <summary>M1's next coarser candidate of an emitted wildcard's literal prefix; null when there is none.</summary>
    string? CoarserPrefix(string literalPrefix);

    /// <summary>The refinement of <paramref name="policy"/>: its statements aligned with the original's, in order.</summary>
    PolicyRefinement Refine(PolicyDocument policy, GeneralizationContext context, IReadOnlyList<string>? ignoredUnused = null);
}
