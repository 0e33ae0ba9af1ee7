using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// M3, minimum size among the prefix globs and literals a refinement may use: those that grant no unused action and
/// nothing beyond the original (spec §4 asks which language each notion is relative to; a cover that escalates is no
/// refinement, so it does not count as smaller). Certificate: one kept action per emitted pattern such that no two can
/// share one usable pattern. Any prefix glob covering a and b has a literal prefix that is a common prefix of both, so
/// it contains <c>lcp(a,b)*</c>: if that meets U or escapes P, every such glob does. Sorted by folded text, lcp(a,c) is
/// a prefix of every adjacent lcp between them, so checking adjacent pairs certifies all pairs. Refuted when two
/// emitted patterns can merge into <c>lcp*</c> of their literal prefixes without meeting U or escaping P (a smaller
/// cover), or when a pattern covers no kept action that the other emitted patterns do not (drop it: a smaller cover).
/// The original's own entries that come through verbatim are left out: spec §3 keeps a used literal, and a wildcard
/// that matches no unused action, as they are, so no strategy may merge them; M3 judges what the strategy emitted.
/// </summary>
public static class MinimumSizeCheck
{
    public static PropertyOutcome Check(StatementCase statement, ActionSet kept, CheckContext context)
    {
        var patterns = statement.Emitted.Select(p => new ActionPattern(p)).ToList();
        if (patterns.FirstOrDefault(p => !p.IsLiteralOrPrefixGlob) is { } other)
        {
            return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, 0,
                Reason: $"{other.Text} is neither a literal nor a prefix glob; M3 ranges over those only");
        }
        var originals = new PatternIndex(statement.Original);
        var emitted = new PatternIndex(statement.Emitted);
        var queries = 0;
        var representatives = new List<(string Action, ActionPattern Pattern)>();
        // The representatives' queries asked as one batch, read in order (it stops at the first Unsat or Unknown).
        var asked = patterns.Select(pattern => Query.OverCandidates($"minimum-size-representative {statement.Label} {pattern.Text}",
            kept.WithPrefix(pattern.LiteralPrefix).ToArray(), [pattern.Text],
            NonRedundancyCheck.OthersThan(emitted.Compatible(pattern.LiteralPrefix), pattern.Text))).ToList();
        var answers = context.AskAll(asked, a => a.Kind != AnswerKind.Sat);
        foreach (var (pattern, (query, answer)) in patterns.Zip(asked.Zip(answers)))
        {
            // The representative is a kept action no other emitted pattern grants: if another glob granted it too, it
            // and that glob's own representative would share that glob (mergeable), and another literal would be the
            // same action. So representatives are distinct, |R| of them, as a certificate of size |R| must be.
            var others = query.Exclude;
            queries++;
            if (answer.Kind == AnswerKind.Unsat)
            {
                // Then the emitted patterns without this one still grant every kept action, nothing more: a smaller cover.
                return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Refuted, queries,
                    new Counterexample(pattern.Text, [pattern.Text, .. others], statement.Original, others.Count == 0
                        ? $"{pattern.Text} covers no kept action: a smaller cover drops it"
                        : $"{pattern.Text} covers no kept action that the other emitted patterns do not: a smaller cover drops it"));
            }
            if (answer.Kind == AnswerKind.Unknown)
            {
                return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, queries, Reason: answer.Reason);
            }
            representatives.Add((answer.Witness!, pattern));
        }
        if (representatives.Select(r => r.Action).Distinct(AsciiCase.EqualityComparer).Count() != representatives.Count)
        {
            // Cannot happen by the argument above; checked because a certificate naming an action twice proves nothing.
            return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, queries,
                Reason: "engine error: two emitted patterns got the same representative");
        }
        representatives.Sort((a, b) => AsciiCase.Compare(a.Action, b.Action));
        var actions = string.Join(", ", representatives.Select(r => r.Action));
        var certificate = new List<Evidence>
        {
            new(actions, null, null, $"{representatives.Count} kept actions, pairwise unmergeable: {actions}"),
        };
        for (var i = 0; i + 1 < representatives.Count; i++)
        {
            var (a, pa) = representatives[i];
            var (b, pb) = representatives[i + 1];
            var lcp = a[..CommonPrefixLength(a, b)];
            queries++;
            var meets = context.Ask(Query.OverCandidates($"minimum-size-pair {statement.Label} {lcp}*",
                context.Unused.WithPrefix(lcp).ToArray(), [lcp + "*"], []));
            if (meets.Kind == AnswerKind.Sat)
            {
                certificate.Add(new($"{a} | {b}", lcp + "*", meets.Witness, $"{a} | {b}: {lcp}* grants unused {meets.Witness}"));
                continue;
            }
            if (meets.Kind == AnswerKind.Unknown)
            {
                return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, queries, Reason: meets.Reason);
            }
            queries++;
            var escapes = Escapes(lcp + "*", statement, context, originals);
            if (escapes.Kind == AnswerKind.Sat)
            {
                certificate.Add(new($"{a} | {b}", lcp + "*", escapes.Witness,
                    $"{a} | {b}: {lcp}* grants \"{escapes.Witness}\", which the original does not"));
                continue;
            }
            if (escapes.Kind == AnswerKind.Unknown)
            {
                return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, queries, Reason: escapes.Reason);
            }
            // These representatives do not certify; does the merge of the two patterns themselves give a smaller cover?
            var merged = pa.LiteralPrefix[..CommonPrefixLength(pa.LiteralPrefix, pb.LiteralPrefix)] + "*";
            queries++;
            var mergedMeets = context.Ask(Query.OverCandidates($"minimum-size-merge {statement.Label} {merged}",
                context.Unused.WithPrefix(merged[..^1]).ToArray(), [merged], []));
            if (mergedMeets.Kind == AnswerKind.Unsat)
            {
                queries++;
                if (Escapes(merged, statement, context, originals).Kind == AnswerKind.Unsat)
                {
                    return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(merged, [pa.Text, pb.Text], statement.Original,
                            $"{pa.Text} and {pb.Text} can be replaced by {merged}, which grants no unused action and nothing "
                            + "beyond the original"), certificate);
                }
            }
            return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Unknown, queries, Evidence: certificate,
                Reason: $"no certificate with representatives {a}, {b}, and no merge found");
        }
        return new PropertyOutcome(PropertyKind.MinimumSize, statement.Label, Verdict.Proved, queries, Evidence: certificate);
    }

    /// <summary>Does the prefix glob grant some string the original does not? (All strings; the prefix lemma narrows P.)</summary>
    private static Answer Escapes(string glob, StatementCase statement, CheckContext context, PatternIndex originals) =>
        context.Ask(Query.OverAllStrings($"minimum-size-escape {statement.Label} {glob}", [glob], originals.Compatible(glob[..^1])));

    private static int CommonPrefixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && AsciiCase.Fold(a[n]) == AsciiCase.Fold(b[n]))
        {
            n++;
        }
        return n;
    }
}
