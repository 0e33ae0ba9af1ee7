using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>Sound: L(R) ∩ U = ∅. One finite query per refined pattern r: is an unused action (that starts with r's literal prefix) in
/// L(r)?</summary>
public static class SoundnessCheck
{
    public static PropertyOutcome Check(StatementCase statement, CheckContext context)
    {
        // One query per pattern, asked as one batch (CheckContext.AskAll) and read in order.
        var asked = statement.Refined.Select(pattern => Query.OverCandidates($"sound {statement.Label} {pattern}",
            context.Unused.WithPrefix(new ActionPattern(pattern).LiteralPrefix).ToArray(), [pattern], [])).ToList();
        var answers = context.AskAll(asked);
        var queries = 0;
        foreach (var (pattern, answer) in statement.Refined.Zip(answers))
        {
            queries++;
            switch (answer.Kind)
            {
                case AnswerKind.Sat:
                    return new PropertyOutcome(PropertyKind.Sound, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(answer.Witness!, [pattern], [], $"unused action {answer.Witness} is granted by {pattern}"));
                case AnswerKind.Unknown:
                    return new PropertyOutcome(PropertyKind.Sound, statement.Label, Verdict.Unknown, queries, Reason: answer.Reason);
            }
        }
        return new PropertyOutcome(PropertyKind.Sound, statement.Label, Verdict.Proved, queries);
    }
}
