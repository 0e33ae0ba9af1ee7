namespace GeneralizationProofs.Verification.Solver;

/// <summary>Which decision procedure answers the queries (<c>--engine</c>).</summary>
public enum EngineChoice { Z3, Automata, Both }
