using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// No escalation: L(R) ⊆ L(P) over all strings. R is split into chunks of at most <see cref="ChunkSize"/> patterns,
/// sorted by literal prefix; each chunk is one query x ∈ ∪chunk ∩ ¬∪P', where P' are the original patterns whose
/// literal prefix is compatible with some chunk member. Fewer patterns on the excluded side make a query harder to
/// refute, so Unsat still proves the chunk; and a witness x starts with some member's literal prefix, so every
/// original pattern that could match x is in P' (the prefix lemma): a Sat witness is a real counterexample. A chunk
/// the solver cannot answer is retried one pattern at a time. (One query over thousands of patterns does not finish
/// in Z3 4.8.12.)
/// </summary>
public static class NoEscalationCheck
{
    private const int ChunkSize = 100;

    public static PropertyOutcome Check(StatementCase statement, CheckContext context)
    {
        var original = new PatternIndex(statement.Original);
        var sorted = statement.Refined.OrderBy(p => new ActionPattern(p).LiteralPrefix, AsciiCase.Comparer).ToList();
        var queries = 0;
        foreach (var chunk in sorted.Chunk(ChunkSize))
        {
            queries++;
            var answer = Ask(statement, context, original, chunk);
            if (answer.Kind == AnswerKind.Unknown && chunk.Length > 1)
            {
                foreach (var pattern in chunk)
                {
                    queries++;
                    answer = Ask(statement, context, original, [pattern]);
                    if (answer.Kind != AnswerKind.Unsat)
                    {
                        return Result(statement, answer, queries, [pattern]);
                    }
                }
                continue;
            }
            if (answer.Kind != AnswerKind.Unsat)
            {
                return Result(statement, answer, queries, chunk);
            }
        }
        return new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Outcome.Proved, queries);
    }

    private static Answer Ask(StatementCase statement, CheckContext context, PatternIndex original, IReadOnlyList<string> chunk)
    {
        var exclude = chunk.SelectMany(p => original.Compatible(new ActionPattern(p).LiteralPrefix)).Distinct().ToList();
        var name = chunk.Count == 1 ? $"no-escalation {statement.Label} {chunk[0]}" : $"no-escalation {statement.Label} {chunk[0]}..{chunk[^1]}";
        return context.Ask(Query.OverAllStrings(name, chunk, exclude));
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
