using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// No escalation: L(R) ⊆ L(P) over all strings. First one query for the whole statement (x ∈ ∪R ∩ ¬∪P); if the
/// solver cannot answer it, one query per refined pattern. Each smaller query is the same obligation restricted to
/// one r, so their conjunction is the proof; the split only changes how much the solver sees at once.
/// </summary>
public static class NoEscalationCheck
{
    public static PropertyOutcome Check(StatementCase statement, CheckContext context)
    {
        if (statement.Refined.Count == 0)
        {
            return new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Proved, 0);
        }
        var whole = context.Ask(Query.OverAllStrings($"no-escalation {statement.Label}", statement.Refined, statement.Original));
        if (whole.Kind != AnswerKind.Unknown)
        {
            return Result(statement, whole, 1, statement.Refined);
        }
        var queries = 1;
        foreach (var pattern in statement.Refined)
        {
            queries++;
            var answer = context.Ask(Query.OverAllStrings($"no-escalation {statement.Label} {pattern}", [pattern], statement.Original));
            if (answer.Kind != AnswerKind.Unsat)
            {
                return Result(statement, answer, queries, [pattern]);
            }
        }
        return new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Proved, queries);
    }

    private static PropertyOutcome Result(StatementCase statement, Answer answer, int queries, IReadOnlyList<string> asked) => answer.Kind switch
    {
        AnswerKind.Unsat => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Proved, queries),
        AnswerKind.Sat => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Refuted, queries,
            new Counterexample(answer.Witness!, asked.Where(p => ActionPattern.Match(p, answer.Witness!)).ToList(), statement.Original,
                $"\"{answer.Witness}\" is granted by the refinement but by no original pattern")),
        _ => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Unknown, queries, Reason: answer.Reason),
    };
}
