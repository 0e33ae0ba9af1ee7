namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Every proof obligation has this one shape (spec §4 decomposed, see README "How the proofs are decomposed"):
/// does some string x exist with x ∈ Domain, x ∈ L(Include₁) ∪ …, and x ∉ L(Exclude₁) ∪ …?
/// The domain is either all strings (the infinite obligations: no escalation, M1's escape test) or a finite list of
/// candidate strings (catalog actions). Include and Exclude are action patterns. Sat means a counterexample or a
/// witness exists, depending on the property; Unsat is the proof.
/// </summary>
public sealed record Query(string Name, IReadOnlyList<string>? Candidates, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static Query OverAllStrings(string name, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        new(name, null, include, exclude);

    public static Query OverCandidates(string name, IReadOnlyList<string> candidates, IReadOnlyList<string> include,
        IReadOnlyList<string> exclude) =>
        new(name, candidates, include, exclude);
}
