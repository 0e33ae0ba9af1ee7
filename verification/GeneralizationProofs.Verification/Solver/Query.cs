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

    public static Query OverCandidates(string name, IReadOnlyList<string> candidates, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        new(name, candidates, include, exclude);
}

public enum AnswerKind { Sat, Unsat, Unknown }

/// <summary>
/// The solver's answer: Sat with the string it found, Unsat, or Unknown with the solver's reason. A composite of
/// engines (<see cref="BothEngines"/>) also keeps what each engine said, for the SMT-LIB2 manifest and reports.
/// </summary>
public sealed record Answer(AnswerKind Kind, string? Witness = null, string? Reason = null, IReadOnlyList<EngineAnswer>? Engines = null)
{
    public static readonly Answer Unsat = new(AnswerKind.Unsat);
    public static Answer Sat(string witness) => new(AnswerKind.Sat, witness);
    public static Answer Unknown(string reason) => new(AnswerKind.Unknown, Reason: reason);
}

/// <summary>
/// What answers queries: <see cref="Z3Session"/> (SMT) and <see cref="AutomatonSolver"/> (automata), two decision
/// procedures of different kinds over one encoding (<see cref="PatternEncoding"/>); tests never replace them.
/// </summary>
/// <summary>One engine's own answer inside a composite's <see cref="Answer"/>.</summary>
public sealed record EngineAnswer(string Engine, Answer Answer);

public interface IQuerySolver : IDisposable
{
    string SolverVersion { get; }
    Answer Decide(Query query);
}
