using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// Complete: K ⊆ L(R). A finite query: is some kept action k outside every refined pattern? Asked narrowed
/// (<see cref="CheckContext.AskNarrowed(string, IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string}, out int)"/>),
/// so each k meets only the refined patterns that could match it, and kept actions that meet the same ones share a query.
/// </summary>
public static class CompletenessCheck
{
    public static PropertyOutcome Check(StatementCase statement, ActionSet kept, CheckContext context)
    {
        var answer = context.AskNarrowed($"complete {statement.Label}", kept.Actions, ["*"], statement.Refined, out var queries);
        return answer.Kind switch
        {
            AnswerKind.Unsat => new PropertyOutcome(PropertyKind.Complete, statement.Label, Verdict.Proved, queries),
            AnswerKind.Sat => new PropertyOutcome(PropertyKind.Complete, statement.Label, Verdict.Refuted, queries,
                new Counterexample(answer.Witness!, [], statement.Original.Where(p => ActionPattern.Match(p, answer.Witness!)).ToList(),
                    $"kept action {answer.Witness} is no longer granted")),
            _ => new PropertyOutcome(PropertyKind.Complete, statement.Label, Verdict.Unknown, queries, Reason: answer.Reason),
        };
    }
}
