namespace GeneralizationProofs.Verification.Solver;

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
