namespace GeneralizationProofs.Verification.Solver;

/// <summary>Which decision procedure answers the queries (<c>--engine</c>).</summary>
public enum EngineChoice { Z3, Automata, Both }

/// <summary>The one factory of query solvers: every verb, the corpus and the campaigns create their engines here.</summary>
public static class Engines
{
    public const string Names = "z3, automata, both";

    public static EngineChoice? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "z3" => EngineChoice.Z3,
        "automata" => EngineChoice.Automata,
        "both" => EngineChoice.Both,
        _ => null,
    };

    public static string Name(EngineChoice choice) => choice.ToString().ToLowerInvariant();

    /// <param name="timeoutMs">Z3's timeout per all-strings query (the automata have none: they always finish).</param>
    /// <param name="resourceLimit">Z3's deterministic rlimit per query (0: none).</param>
    /// <param name="disagreements">where <c>both</c> writes a query the engines disagree on (null: a temp folder).</param>
    /// <param name="cancel">interrupts Z3 (the automata finish their query) when a run is cancelled (Ctrl-C).</param>
    public static IQuerySolver Create(EngineChoice choice, uint timeoutMs = 10_000, uint resourceLimit = 0, string? disagreements = null,
        CancellationToken cancel = default) =>
        choice switch
        {
            EngineChoice.Z3 => new Z3Session(timeoutMs, resourceLimit, cancel),
            EngineChoice.Automata => new AutomatonSolver(),
            _ => new BothEngines(new Z3Session(timeoutMs, resourceLimit, cancel), new AutomatonSolver(), disagreements),
        };
}
