using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// M1, maximal generality at the strategy's own granularity: for every emitted wildcard <c>p*</c>, the next coarser
/// candidate <c>q*</c> (the reference: the parent token prefix) is unsafe — witness: an unused action in L(q*) — or
/// escapes — witness: a string in L(q*) \ L(P). Refuted when q* is neither: then p* was not the shortest safe prefix.
/// </summary>
public static class MaximalityCheck
{
    public static PropertyOutcome Check(StatementCase statement, CheckContext context)
    {
        var evidence = new List<string>();
        var queries = 0;
        foreach (var pattern in statement.Emitted.Select(p => new ActionPattern(p)).Where(p => p.IsPrefixGlob))
        {
            if (context.Strategy.CoarserPrefix(pattern.LiteralPrefix) is not { } coarser)
            {
                evidence.Add($"{pattern.Text}: no coarser candidate");
                continue;
            }
            var candidate = coarser + "*";
            queries++;
            var unsafeWitness = context.Ask(Query.OverCandidates($"maximal-unsafe {statement.Label} {candidate}",
                context.Unused.WithPrefix(coarser).ToArray(), [candidate], []));
            if (unsafeWitness.Kind == AnswerKind.Sat)
            {
                evidence.Add($"{pattern.Text}: {candidate} is unsafe, it grants unused {unsafeWitness.Witness}");
                continue;
            }
            queries++;
            var escapeWitness = unsafeWitness.Kind == AnswerKind.Unsat
                ? context.Ask(Query.OverAllStrings($"maximal-escape {statement.Label} {candidate}", [candidate], statement.Original))
                : unsafeWitness;
            switch (escapeWitness.Kind)
            {
                case AnswerKind.Sat:
                    evidence.Add($"{pattern.Text}: {candidate} escapes the original, it grants \"{escapeWitness.Witness}\"");
                    continue;
                case AnswerKind.Unsat:
                    return new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(candidate, [pattern.Text], statement.Original,
                            $"{candidate} is safe and inside the original, so {pattern.Text} is not the shortest safe prefix"), evidence);
                default:
                    return new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Unknown, queries, Evidence: evidence, Reason: escapeWitness.Reason);
            }
        }
        return new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Proved, queries, Evidence: evidence);
    }
}
