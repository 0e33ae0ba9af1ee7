using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// The plug-in point for generalization strategies. The refiner handles literals (an unused one is dropped, any
/// other kept) and asks the strategy about every wildcard entry of an Allow statement: it returns the patterns that
/// replace the entry, in a stable order (the entry itself to keep it, nothing to drop it). Within one entry's
/// replacements the strategy is responsible for redundancy; the refiner removes duplicates across entries.
/// </summary>
/// <remarks>
/// <see cref="IPolicyStrategy.CoarserPrefix"/> is M1's "next coarser candidate" at this strategy's granularity (a
/// token for the reference, a character for the character trie). Every generalizer is a policy strategy through
/// <see cref="PolicyRefiner"/>, so a plug-in written against this interface needs nothing more.
/// </remarks>
public interface IGeneralizer : IPolicyStrategy
{
    IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context);

    /// <summary>
    /// The entries an Allow statement's NotAction list <paramref name="notAction"/> gains so that it stops granting the
    /// unused actions it grants (spec §3; see <see cref="NotActionExclusions"/>), appended after the existing ones in
    /// this order; empty when it grants none. Null: this strategy does not refine NotAction statements, and the refiner
    /// keeps them verbatim and says so. That is the default, so a plug-in written before NotAction was refined
    /// keeps its output, and the verifier reports what such a statement still grants instead of calling it sound.
    /// </summary>
    IReadOnlyList<string>? NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) => null;

    PolicyRefinement IPolicyStrategy.Refine(PolicyDocument policy, GeneralizationContext context, IReadOnlyList<string>? ignoredUnused) =>
        new PolicyRefiner(this, context).Refine(policy, ignoredUnused);
}
