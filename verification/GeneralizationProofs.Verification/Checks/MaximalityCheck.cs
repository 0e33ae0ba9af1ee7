using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// M1, maximal generality at the strategy's own granularity: for every emitted wildcard <c>p*</c>, the next coarser
/// candidate <c>q*</c> (the reference: the parent token prefix) is unsafe — witness: an unused action in L(q*) — or
/// escapes — witness: a string in L(q*) \ L(P). Refuted when q* is neither: then p* was not the shortest safe prefix.
/// Every emitted wildcard is judged: one that is not <c>p*</c> (<c>s3:GetObjec?*</c>) has no coarser candidate at a
/// granularity of prefixes, so M1 is Unknown for it, with that reason — never proved by leaving it out.
/// </summary>
public static class MaximalityCheck
{
    public static PropertyOutcome Check(StatementCase statement, CheckContext context)
    {
        var evidence = new List<Evidence>();
        var queries = 0;
        string? unknown = null;
        var wildcards = statement.Emitted.Select(p => new ActionPattern(p)).Where(p => !p.IsLiteral)
            .Select(p => (Pattern: p, Coarser: p.IsPrefixGlob ? CoarserPrefix(p, context) : (null, null))).ToList();
        // The unsafe-candidate queries (finite) asked as one batch; the escape queries over all strings follow one by one.
        var unsafeQueries = wildcards.Where(w => w.Coarser.Coarser is not null).Select(w => Query.OverCandidates(
            $"maximal-unsafe {statement.Label} {w.Coarser.Coarser}*", context.Unused.WithPrefix(w.Coarser.Coarser!).ToArray(),
            [w.Coarser.Coarser + "*"], [])).ToList();
        var unsafeAnswers = new Queue<Answer>(context.AskAll(unsafeQueries, _ => false));
        foreach (var (pattern, (coarser, why)) in wildcards)
        {
            if (!pattern.IsPrefixGlob)
            {
                unknown ??= $"{pattern.Text} is neither a literal nor a prefix glob; M1's coarser candidate is defined for prefix globs";
                continue;
            }
            if (coarser is null)
            {
                if (why is null)
                {
                    evidence.Add(new(pattern.Text, null, null, $"{pattern.Text}: nothing is coarser"));
                }
                unknown ??= why;
                continue;
            }
            var candidate = coarser + "*";
            queries++;
            var unsafeWitness = unsafeAnswers.Dequeue();
            if (unsafeWitness.Kind == AnswerKind.Sat)
            {
                evidence.Add(new(pattern.Text, candidate, unsafeWitness.Witness,
                    $"{pattern.Text}: {candidate} is unsafe, it grants unused {unsafeWitness.Witness}"));
                continue;
            }
            queries++;
            var escapeWitness = unsafeWitness.Kind == AnswerKind.Unsat ? Escape(statement, context, coarser, ref queries) : unsafeWitness;
            switch (escapeWitness.Kind)
            {
                case AnswerKind.Sat:
                    evidence.Add(new(pattern.Text, candidate, escapeWitness.Witness,
                        $"{pattern.Text}: {candidate} escapes the original, it grants \"{escapeWitness.Witness}\""));
                    continue;
                case AnswerKind.Unsat:
                    return new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Refuted, queries,
                        new Counterexample(candidate, [pattern.Text], statement.Original,
                            $"{candidate} is safe and inside the original, so {pattern.Text} is not the shortest safe prefix"), evidence);
                default:
                    unknown ??= escapeWitness.Reason;
                    continue;
            }
        }
        return unknown is null
            ? new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Proved, queries, Evidence: evidence)
            : new PropertyOutcome(PropertyKind.Maximal, statement.Label, Verdict.Unknown, queries, Evidence: evidence, Reason: unknown);
    }

    /// <summary>
    /// Does q* grant a string the original does not? First asked over a finite domain, the catalog actions that start
    /// with q and the strings q and q·x: a Sat there is a witness in L(q*) \ L(P) like any other (replayed as every
    /// answer is), and nearly every coarser candidate escapes through a catalog action. Only when none does, the
    /// all-strings query decides (under load those ran into the 10 s limit on AWSElasticBeanstalkRoleCore).
    /// </summary>
    private static Answer Escape(StatementCase statement, CheckContext context, string coarser, ref int queries)
    {
        var candidate = coarser + "*";
        var strings = context.Catalog.WithPrefix(coarser).ToArray().Append(coarser).Append(coarser + "x").Distinct().ToList();
        var finite = context.Ask(Query.OverCandidates($"maximal-escape {statement.Label} {candidate} (catalog and sample strings)",
            strings, [candidate], statement.Original));
        if (finite.Kind == AnswerKind.Sat)
        {
            return finite;
        }
        queries++;
        return context.Ask(Query.OverAllStrings($"maximal-escape {statement.Label} {candidate}", [candidate], statement.Original));
    }

    /// <summary>
    /// The next coarser candidate of an emitted <c>p*</c>, or null: with no reason when nothing is coarser (p empty),
    /// else why none can be named.
    /// <para>Taken on the catalog's spelling of p, not on p as written: a granularity is a way of cutting catalog
    /// actions (the reference's tokens are CamelCase words of the catalog names), and p's own case is no evidence of
    /// where its words end — <c>s3:getobject</c> is one lower-case token, <c>s3:GETOBJECT</c> one acronym, while both
    /// denote the language of <c>s3:GetObject*</c>, whose parent is <c>s3:Get</c>. Spec §2: equal languages get equal
    /// verdicts. The catalog actions p covers all spell p's folded text, but not necessarily alike (two actions may
    /// differ in case up to p's length); each spelling gives a candidate, all prefixes of p, and the longest is taken:
    /// every shorter one contains it, so if the longest is unsafe or escapes so are they, and if a shorter one is safe
    /// and inside so is the longest. A p* that covers no catalog action has no catalog spelling, so no candidate at a
    /// granularity defined on catalog names: Unknown, not a guess from p's own case.</para>
    /// </summary>
    private static (string? Coarser, string? Why) CoarserPrefix(ActionPattern pattern, CheckContext context)
    {
        var prefix = pattern.LiteralPrefix;
        if (prefix.Length == 0)
        {
            return (null, null);
        }
        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in context.Catalog.WithPrefix(prefix))
        {
            spellings.Add(action[..prefix.Length]);
        }
        if (spellings.Count == 0)
        {
            return (null, $"{pattern.Text} covers no catalog action, so the strategy's granularity (cuts of catalog names) "
                + "names no coarser candidate");
        }
        string? longest = null;
        foreach (var spelling in spellings)
        {
            if (context.Strategy.CoarserPrefix(spelling) is not { } coarser)
            {
                return (null, $"strategy '{context.Strategy.Name}' names no coarser candidate for {spelling}*");
            }
            if (longest is null || coarser.Length > longest.Length)
            {
                longest = coarser;
            }
        }
        return (longest, null);
    }
}
