using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// M2, non-redundancy: every emitted pattern r covers a kept action that no other refined pattern covers — the
/// witness. Refuted when none exists: r can go without losing anything. (Entries kept verbatim from the original are
/// the user's and need no witness of their own, but they count as covering.)
/// "Other" means every other position of R, not every other spelling: two copies of one pattern, or two patterns with
/// one language (<c>s3:GetObject*</c>, <c>S3:GETOBJECT*</c>, <c>s3:GetObject**</c>), each leave the other to cover what
/// they grant, so each copy is refuted — whatever the spelling, as spec §2 asks of every verdict.
/// </summary>
public static class NonRedundancyCheck
{
    public static PropertyOutcome Check(StatementCase statement, ActionSet kept, CheckContext context)
    {
        var evidence = new List<Evidence>();
        var queries = 0;
        var refined = new PatternIndex(statement.Refined);
        // One query per emitted pattern, asked as one batch and read in order (it stops at the first Unsat or Unknown).
        var positions = Enumerable.Range(0, statement.Refined.Count).Where(i => statement.IsEmitted[i]).ToList();
        var asked = positions.Select(i =>
        {
            var pattern = statement.Refined[i];
            var prefix = new ActionPattern(pattern).LiteralPrefix;
            var others = OthersThan(refined.Compatible(prefix), pattern);
            return Query.OverCandidates($"non-redundant {statement.Label} {pattern}", kept.WithPrefix(prefix).ToArray(), [pattern], others);
        }).ToList();
        var answers = context.AskAll(asked, a => a.Kind != AnswerKind.Sat);
        foreach (var (query, witness) in asked.Zip(answers))
        {
            var pattern = query.Include[0];
            var others = query.Exclude;
            queries++;
            switch (witness.Kind)
            {
                case AnswerKind.Sat:
                    evidence.Add(new(pattern, null, witness.Witness, $"{pattern}: only it grants kept {witness.Witness}"));
                    break;
                case AnswerKind.Unsat:
                    return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(pattern, [pattern, .. others], statement.Original,
                            $"{pattern} grants no kept action that the other refined patterns do not already grant"), evidence);
                default:
                    return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Unknown, queries,
                        Evidence: evidence, Reason: witness.Reason);
            }
        }
        return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Proved, queries, Evidence: evidence);
    }

    /// <summary>
    /// The patterns at the other positions: <paramref name="compatible"/> holds the pattern itself once per copy in R,
    /// so exactly one occurrence of it goes (a second copy stays, and covers what the first grants).
    /// </summary>
    public static List<string> OthersThan(List<string> compatible, string pattern)
    {
        var others = new List<string>(compatible);
        others.Remove(pattern);
        return others;
    }
}
