namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// What answers queries: <see cref="Z3Session"/> (SMT) and <see cref="AutomatonSolver"/> (automata), two decision
/// procedures of different kinds over one encoding (<see cref="PatternEncoding"/>); tests never replace them.
/// </summary>
/// <summary>One engine's own answer inside a composite's <see cref="Answer"/>.</summary>
public sealed record EngineAnswer(string Engine, Answer Answer);
