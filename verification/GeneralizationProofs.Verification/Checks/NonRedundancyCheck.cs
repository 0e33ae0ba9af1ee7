using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// M2, non-redundancy: every emitted pattern r covers a kept action that no other refined pattern covers — the
/// witness. Refuted when none exists: r can go without losing anything. (Entries kept verbatim from the original are
/// the user's and need no witness of their own, but they count as covering.)
/// </summary>
public static class NonRedundancyCheck
{
    public static PropertyOutcome Check(StatementCase statement, ActionSet kept, CheckContext context)
    {
        var evidence = new List<string>();
        var queries = 0;
        var refined = new PatternIndex(statement.Refined);
        var emitted = new HashSet<string>(statement.Emitted, AsciiCase.EqualityComparer);
        foreach (var pattern in statement.Refined.Where(emitted.Contains).Distinct(AsciiCase.EqualityComparer))
        {
            var prefix = new ActionPattern(pattern).LiteralPrefix;
            var others = refined.Compatible(prefix).Where(p => !ReferenceEquals(p, pattern) && p != pattern).ToList();
            queries++;
            var witness = context.Ask(Query.OverCandidates($"non-redundant {statement.Label} {pattern}",
                kept.WithPrefix(prefix).ToArray(), [pattern], others));
            switch (witness.Kind)
            {
                case AnswerKind.Sat:
                    evidence.Add($"{pattern}: only it grants kept {witness.Witness}");
                    break;
                case AnswerKind.Unsat:
                    return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(pattern, [pattern, .. others], statement.Original,
                            $"{pattern} grants no kept action that the other refined patterns do not already grant"), evidence);
                default:
                    return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Unknown, queries, Evidence: evidence, Reason: witness.Reason);
            }
        }
        return new PropertyOutcome(PropertyKind.NonRedundant, statement.Label, Verdict.Proved, queries, Evidence: evidence);
    }
}
