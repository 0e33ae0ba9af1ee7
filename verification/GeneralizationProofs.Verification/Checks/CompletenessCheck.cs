using GeneralizationProofs.Generalization;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>Complete: K ⊆ L(R). One finite query per kept action k: is k outside every refined pattern that could match it?</summary>
public static class CompletenessCheck
{
    public static PropertyOutcome Check(StatementCase statement, ActionSet kept, CheckContext context)
    {
        var queries = 0;
        var refined = new PatternIndex(statement.Refined);
        foreach (var action in kept.Actions)
        {
            var covering = refined.Compatible(action);
            queries++;
            var answer = context.Ask(Query.OverCandidates($"complete {statement.Label} {action}", [action], ["*"], covering));
            switch (answer.Kind)
            {
                case AnswerKind.Sat:
                    return new PropertyOutcome(PropertyKind.Complete, statement.Label, Outcome.Refuted, queries,
                        new Counterexample(action, [], statement.Original.Where(p => Patterns.ActionPattern.Match(p, action)).ToList(),
                            $"kept action {action} is no longer granted"));
                case AnswerKind.Unknown:
                    return new PropertyOutcome(PropertyKind.Complete, statement.Label, Outcome.Unknown, queries, Reason: answer.Reason);
            }
        }
        return new PropertyOutcome(PropertyKind.Complete, statement.Label, Outcome.Proved, queries);
    }
}
