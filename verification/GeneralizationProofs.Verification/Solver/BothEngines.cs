namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// <c>--engine both</c>: every query goes to Z3 and to the automata, two decision procedures of different kinds, and
/// an answer stands only when both give it. A disagreement (Sat against Unsat) is an engine error: Unknown with both
/// answers in the reason and the query written as SMT-LIB2 for a third opinion (cvc5), never a verdict. Unknown from
/// either engine is Unknown. When both say Sat, Z3's witness is reported (so the output equals the Z3-only run),
/// replayed by the core matcher first (<see cref="WitnessCheck"/>); the automata replay theirs themselves.
/// Not thread-safe, like the engines it holds: one per thread.
/// </summary>
public sealed class BothEngines(Z3Session z3, AutomatonSolver automata, string? disagreements = null) : IQuerySolver
{
    private string? _folder = disagreements;
    private int _written;

    public string SolverVersion { get; } = $"{z3.SolverVersion} + {automata.SolverVersion}";

    /// <summary>The folder disagreements were written to (null until the first one).</summary>
    public string? DisagreementFolder => _written > 0 ? _folder : null;

    public Answer Decide(Query query) => Combine(query, z3.Decide(query), automata.Decide(query));

    /// <summary>Each engine answers the batch its own way (Z3 in one rewriter call); the answers are combined per query.</summary>
    public IReadOnlyList<Answer> DecideAll(IReadOnlyList<Query> queries)
    {
        var z = z3.DecideAll(queries);
        var a = ((IQuerySolver)automata).DecideAll(queries);
        return queries.Select((q, i) => Combine(q, z[i], a[i])).ToList();
    }

    private Answer Combine(Query query, Answer z, Answer a)
    {
        IReadOnlyList<EngineAnswer> engines = [new("z3", z), new("automata", a)];
        if (z.Kind == AnswerKind.Unknown || a.Kind == AnswerKind.Unknown)
        {
            var reasons = engines.Where(e => e.Answer.Kind == AnswerKind.Unknown).Select(e => $"{e.Engine}: {e.Answer.Reason}");
            return new Answer(AnswerKind.Unknown, Reason: string.Join("; ", reasons), Engines: engines);
        }
        if (z.Kind != a.Kind)
        {
            var file = WriteDisagreement(query, z, a);
            return new Answer(AnswerKind.Unknown, Engines: engines, Reason:
                $"engine error: the engines disagree on {query.Name}: z3 {Show(z)}, automata {Show(a)}; the query is in {file}");
        }
        if (z.Kind == AnswerKind.Unsat)
        {
            return new Answer(AnswerKind.Unsat, Engines: engines);
        }
        if (WitnessCheck.Problem(query, z.Witness!) is not { } problem)
        {
            return new Answer(AnswerKind.Sat, z.Witness, Engines: engines);
        }
        // Z3's re.allchar still ranges beyond Σ (Z3's alphabet is not aligned yet): a witness that fails only for a
        // character outside Σ is replaced by the automata's, which is over Σ. Any other rejection is an engine error.
        return WitnessCheck.InAlphabet(z.Witness!)
            ? new Answer(AnswerKind.Unknown, Engines: engines,
                Reason: $"engine error: Z3's witness fails replay for {query.Name}: {problem}")
            : new Answer(AnswerKind.Sat, a.Witness, Engines: engines);
    }

    private static string Show(Answer answer) => answer.Kind == AnswerKind.Sat ? $"sat (\"{answer.Witness}\")" : "unsat";

    private string WriteDisagreement(Query query, Answer z, Answer a)
    {
        _folder ??= Directory.CreateTempSubdirectory("genproof-disagreements-").FullName;
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, $"disagreement-{++_written:D3}-{SmtExport.Sanitize(query.Name)}.smt2");
        var header = $"; engines disagree: z3 {Show(z)}, automata {Show(a)}\n";
        File.WriteAllText(file, header + SmtLibWriter.Write(query, AnswerKind.Unknown));
        return file;
    }

    public void Dispose()
    {
        z3.Dispose();
        automata.Dispose();
    }
}
