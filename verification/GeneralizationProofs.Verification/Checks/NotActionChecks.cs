using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// The NotAction properties of spec §3, each one <see cref="Query"/> shape as for Action lists, with the two sides
/// swapped where a NotAction list excludes instead of grants. Reported under the existing property kinds:
/// sound (no unused action outside L(X')), no escalation (L(X) ⊆ L(X') over all strings: the refined statement grants
/// less), complete (every kept action, a catalog action outside L(X) and not unused, still outside L(X')), and
/// non-redundant for what was added (each added entry excludes an unused action the statement granted that no other
/// entry excludes). Every witness is replayed through the core matcher before it is reported; one that does not check
/// out is an engine error, reported Unknown, never a refutation.
/// </summary>
public static class NotActionChecks
{
    /// <summary>The properties defined for NotAction statements; M1 and M3 are not (spec §3 lists these four).</summary>
    public const PropertyKind Defined = PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant;

    public static PropertyOutcome? Check(PropertyKind property, NotActionCase statement, CheckContext context) => property switch
    {
        PropertyKind.Sound => Sound(statement, context),
        PropertyKind.NoEscalation => NoEscalation(statement, context),
        PropertyKind.Complete => Complete(statement, context),
        PropertyKind.NonRedundant => NonRedundant(statement, context),
        _ => null,
    };

    /// <summary>Sound: is there an unused action in no entry of X'? Candidates U, Include *, Exclude X'.</summary>
    public static PropertyOutcome Sound(NotActionCase statement, CheckContext context)
    {
        var answer = context.AskNarrowed($"sound {statement.Label}", context.Unused.Actions, ["*"], statement.Refined, out var queries);
        return answer.Kind switch
        {
            AnswerKind.Unsat => Result(PropertyKind.Sound, statement, Verdict.Proved, queries),
            AnswerKind.Sat when context.Unused.Contains(answer.Witness!) && !Matches(statement.Refined, answer.Witness!) =>
                Result(PropertyKind.Sound, statement, Verdict.Refuted, queries, new Counterexample(answer.Witness!, [], statement.Original,
                    $"unused action {answer.Witness} is still granted: no NotAction entry excludes it")),
            _ => Unknown(PropertyKind.Sound, statement, queries, answer),
        };
    }

    /// <summary>
    /// No escalation: L(X) ⊆ L(X') over all strings. Literal entries of X by ground membership (a pattern language is
    /// closed under ASCII case, so the one string decides); each wildcard entry over all strings against the entries of
    /// X' that could share a string with it (prefix lemma: a witness starts with the entry's literal prefix).
    /// </summary>
    public static PropertyOutcome NoEscalation(NotActionCase statement, CheckContext context)
    {
        var literals = statement.Original.Where(p => new ActionPattern(p).IsLiteral).ToList();
        var answer = context.AskNarrowed($"no-escalation {statement.Label} literals", literals, ["*"], statement.Refined, out var queries);
        if (answer.Kind != AnswerKind.Unsat)
        {
            return Escalation(statement, context, answer, queries);
        }
        var refined = new PatternIndex(statement.Refined);
        foreach (var wildcard in statement.Original.Where(p => !new ActionPattern(p).IsLiteral).Distinct(AsciiCase.EqualityComparer))
        {
            // The refiner keeps every original entry, so first ask against its own copy alone: fewer patterns on the
            // excluded side make the query harder to refute, so Unsat proves the entry, and the query stays tiny even
            // when thousands of added entries share its literal prefix (an entry such as *Delete* shares "" with all).
            var copies = statement.Refined.Where(r => AsciiCase.Equal(r, wildcard)).ToList();
            if (copies.Count > 0)
            {
                queries++;
                answer = context.Ask(Query.OverAllStrings($"no-escalation {statement.Label} {wildcard} (kept)", [wildcard], copies));
                if (answer.Kind == AnswerKind.Unsat)
                {
                    continue;
                }
            }
            // A Sat above is no counterexample (the other entries were left out): ask against every entry that could match.
            queries++;
            answer = context.Ask(Query.OverAllStrings($"no-escalation {statement.Label} {wildcard}", [wildcard],
                refined.Compatible(new ActionPattern(wildcard).LiteralPrefix)));
            if (answer.Kind != AnswerKind.Unsat)
            {
                return Escalation(statement, context, answer, queries);
            }
        }
        return Result(PropertyKind.NoEscalation, statement, Verdict.Proved, queries);
    }

    private static PropertyOutcome Escalation(NotActionCase statement, CheckContext context, Answer answer, int queries) =>
        answer.Kind == AnswerKind.Sat && Matches(statement.Original, answer.Witness!) && !Matches(statement.Refined, answer.Witness!)
            ? Result(PropertyKind.NoEscalation, statement, Verdict.Refuted, queries, new Counterexample(answer.Witness!, [],
                statement.Original.Where(p => ActionPattern.Match(p, answer.Witness!)).ToList(),
                $"\"{answer.Witness}\" is granted by the refinement but excluded by the original NotAction"))
            : Unknown(PropertyKind.NoEscalation, statement, queries, answer);

    /// <summary>
    /// Complete: is a kept action in some entry of X'? Candidates K, Include X'. K is computed by the matcher and
    /// confirmed by two ground queries (no member of K is in L(X); every other catalog action that is not unused is).
    /// The first one already proves that no kept action is in an entry X' shares with X (equal up to ASCII case, so the
    /// same language), so the last query asks only the added entries: an entry such as *:Delete* is compatible with
    /// every catalog action, and asking all of them twice took 28 s.
    /// </summary>
    public static PropertyOutcome Complete(NotActionCase statement, CheckContext context)
    {
        var excluded = new NotActionExclusions.PatternsByPrefix(statement.Original);
        var kept = context.Catalog.Actions.Where(a => !context.Unused.Contains(a) && !excluded.AnyMatches(a)).ToList();
        var keptSet = new ActionSet(kept);
        var others = context.Catalog.Actions.Where(a => !keptSet.Contains(a) && !context.Unused.Contains(a)).ToList();
        var inside = context.AskNarrowed($"kept-outside-original {statement.Label}", kept, statement.Original, [], out var q1);
        var missed = context.AskNarrowed($"kept-complete {statement.Label}", others, ["*"], statement.Original, out var q2);
        if (inside.Kind != AnswerKind.Unsat || missed.Kind != AnswerKind.Unsat)
        {
            var reason = inside.Kind == AnswerKind.Sat || missed.Kind == AnswerKind.Sat
                ? $"the matcher and the SMT encoding disagree on {inside.Witness ?? missed.Witness}"
                : inside.Reason ?? missed.Reason;
            return Unknown(PropertyKind.Complete, statement, q1 + q2, Answer.Unknown(reason ?? "unknown"));
        }
        var added = statement.Added.Select(i => statement.Refined[i]).ToList();
        var answer = context.AskNarrowed($"complete {statement.Label}", kept, added, [], out var queries);
        queries += q1 + q2;
        return answer.Kind switch
        {
            AnswerKind.Unsat => Result(PropertyKind.Complete, statement, Verdict.Proved, queries),
            AnswerKind.Sat when keptSet.Contains(answer.Witness!) && Matches(statement.Refined, answer.Witness!) =>
                Result(PropertyKind.Complete, statement, Verdict.Refuted, queries, new Counterexample(answer.Witness!,
                    statement.Refined.Where(p => ActionPattern.Match(p, answer.Witness!)).ToList(), statement.Original,
                    $"kept action {answer.Witness} is no longer granted: the refined NotAction excludes it")),
            _ => Unknown(PropertyKind.Complete, statement, queries, answer),
        };
    }

    /// <summary>
    /// Non-redundant additions: for each added entry a, an unused action in L(a) outside every other entry of X' (the
    /// original entries among them, so the witness is one the statement granted) — the witness. Asked per position, so
    /// an entry added twice has its twin among the others and is refuted.
    /// </summary>
    public static PropertyOutcome NonRedundant(NotActionCase statement, CheckContext context)
    {
        var evidence = new List<Evidence>();
        var queries = 0;
        var refined = new PatternIndex(statement.Refined);
        // One query per added entry, asked as one batch (CheckContext.AskAll: one rewriter call for thousands of them, where
        // PowerUserAccess' 6,191 added entries asked one by one paid a rewriter set-up each) and read in order.
        var asked = statement.Added.Select(position =>
        {
            var pattern = statement.Refined[position];
            var prefix = new ActionPattern(pattern).LiteralPrefix;
            // The index answers by text; the entry's own position is the only one left out, so an equal twin stays.
            var others = NonRedundancyCheck.OthersThan(refined.Compatible(prefix), pattern);
            return Query.OverCandidates($"non-redundant {statement.Label} {pattern}", context.Unused.WithPrefix(prefix).ToArray(),
                [pattern], others);
        }).ToList();
        var answers = context.AskAll(asked, a => a.Kind != AnswerKind.Sat);
        foreach (var (query, answer) in asked.Zip(answers))
        {
            var (pattern, others) = (query.Include[0], query.Exclude);
            queries++;
            switch (answer.Kind)
            {
                case AnswerKind.Sat when context.Unused.Contains(answer.Witness!) && ActionPattern.Match(pattern, answer.Witness!)
                                         && !Matches(others, answer.Witness!):
                    evidence.Add(new(pattern, null, answer.Witness, $"{pattern}: only it excludes unused {answer.Witness}"));
                    break;
                case AnswerKind.Unsat:
                    return Result(PropertyKind.NonRedundant, statement, Verdict.Refuted, queries,
                        new Counterexample(pattern, [pattern, .. others], statement.Original,
                            $"added {pattern} excludes no unused action that the statement granted and no other entry excludes"), evidence);
                default:
                    return Unknown(PropertyKind.NonRedundant, statement, queries, answer, evidence);
            }
        }
        return Result(PropertyKind.NonRedundant, statement, Verdict.Proved, queries, evidence: evidence);
    }

    private static bool Matches(IEnumerable<string> patterns, string text) => patterns.Any(p => ActionPattern.Match(p, text));

    private static PropertyOutcome Result(PropertyKind property, NotActionCase statement, Verdict outcome, int queries,
        Counterexample? counterexample = null, IReadOnlyList<Evidence>? evidence = null) =>
        new(property, statement.Label, outcome, queries, counterexample, evidence);

    /// <summary>Unknown with the solver's reason, or, for a witness the matcher does not confirm, as an engine error.</summary>
    private static PropertyOutcome Unknown(PropertyKind property, NotActionCase statement, int queries, Answer answer,
        IReadOnlyList<Evidence>? evidence = null) =>
        new(property, statement.Label, Verdict.Unknown, queries, Evidence: evidence, Reason: answer.Kind == AnswerKind.Sat
            ? $"engine error: the solver's witness \"{answer.Witness}\" does not check out with the matcher"
            : answer.Reason);
}
