using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// No escalation: L(R) ⊆ L(P) over all strings.
/// <para>A literal refined pattern r (no <c>*</c>, no <c>?</c>) matches exactly the ASCII case variants of r, and every
/// pattern language is closed under ASCII case variation (each letter is encoded as both its cases), so
/// L(r) ⊆ L(P) iff the one string r is in L(P): a ground membership query, which the rewriter decides at once.
/// (As one all-strings query, 60 literals against 82 took the solver 2 s.)</para>
/// <para>The wildcards are grouped by the original patterns they are compatible with, in chunks of at most
/// <see cref="ChunkSize"/> patterns; each chunk is one query x ∈ ∪chunk ∩ ¬∪P', where P' are the original patterns
/// whose literal prefix is compatible with some chunk member. Fewer patterns on the excluded side make a query harder to
/// refute, so Unsat still proves the chunk; and a witness x starts with some member's literal prefix, so every original
/// pattern that could match x is in P' (the prefix lemma): a Sat witness is a real counterexample. A chunk the solver
/// cannot answer is retried one pattern at a time. (One query over thousands of patterns does not finish in Z3 4.8.12.)</para>
/// <para>Before the chunks, a prefix glob p* whose prefix p an original pattern ending in <c>*</c> holds is proved by
/// that ground membership (<see cref="TrailingStarLift"/>, Lemma 8): nearly every wildcard of a real refinement; and a
/// wildcard kept as one of the original entries is asked alone against that entry (<see cref="KeptEntriesLeft"/>).</para>
/// </summary>
public static class NoEscalationCheck
{
    public const int ChunkSize = 100;

    /// <param name="chunkSize">at most this many wildcards per query (tests pass a small one so random cases are chunked).</param>
    public static PropertyOutcome Check(StatementCase statement, CheckContext context, int chunkSize = ChunkSize)
    {
        var original = new PatternIndex(statement.Original);
        var literals = statement.Refined.Where(p => new ActionPattern(p).IsLiteral).ToList();
        var queries = 1;
        var literalAnswer = context.AskNarrowed($"no-escalation {statement.Label} literals", literals, ["*"], statement.Original);
        if (literalAnswer.Kind != AnswerKind.Unsat)
        {
            return Result(statement, literalAnswer, queries, literals);
        }
        // Prefix globs that an original ending in * contains are proved by ground membership (Lemma 8); only the rest
        // need the all-strings queries (on ReadOnlyAccess those were 78% of this check's time).
        var lift = TrailingStarLift.Apply(context, $"no-escalation {statement.Label}",
            statement.Refined.Where(p => !new ActionPattern(p).IsLiteral).ToList(), statement.Original, liftLiterals: false);
        queries += lift.Queries;
        var rest = KeptEntriesLeft(statement, context, lift.Rest, ref queries);
        // Wildcards that could only meet the same original patterns are asked together; a query that mixes services
        // pays for every service's patterns at once (100 wildcards against 60 originals across services: 4–8 s).
        var groups = rest
            .OrderBy(p => new ActionPattern(p).LiteralPrefix, AsciiCase.Comparer)
            .GroupBy(p => string.Join('\n', original.Compatible(new ActionPattern(p).LiteralPrefix)));
        foreach (var chunk in groups.SelectMany(g => g.Chunk(chunkSize)))
        {
            var answer = Ask(statement, context, original, chunk, ref queries);
            if (answer.Kind == AnswerKind.Unknown && chunk.Length > 1)
            {
                foreach (var pattern in chunk)
                {
                    answer = Ask(statement, context, original, [pattern], ref queries);
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
        return new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Verdict.Proved, queries);
    }

    /// <summary>
    /// A wildcard kept as one of the original entries (the same text up to ASCII case, so the same language) is asked
    /// alone against that entry, a query of two small patterns: in a chunk it would pay for every original of its
    /// service at once (SageMakerStudioUserIAMDefaultExecutionPolicy keeps sagemaker:*Endpoint* and eight more inner-*
    /// entries verbatim: one chunk against the 13 originals took the automata engine 26 s). Returns what is left for the
    /// chunks: the other wildcards, and a kept one the query did not prove (a string outside that one entry may still be
    /// inside another, which the chunks decide).
    /// </summary>
    private static List<string> KeptEntriesLeft(StatementCase statement, CheckContext context, IReadOnlyList<string> wildcards,
        ref int queries)
    {
        var rest = new List<string>();
        foreach (var pattern in wildcards)
        {
            var same = statement.Original.FirstOrDefault(o => AsciiCase.EqualityComparer.Equals(o, pattern));
            if (same is null)
            {
                rest.Add(pattern);
                continue;
            }
            queries++;
            var answer = context.Ask(Query.OverAllStrings($"no-escalation {statement.Label} {pattern} (kept entry)", [pattern], [same]));
            if (answer.Kind != AnswerKind.Unsat)
            {
                rest.Add(pattern);
            }
        }
        return rest;
    }

    private static Answer Ask(StatementCase statement, CheckContext context, PatternIndex original, IReadOnlyList<string> chunk,
        ref int queries)
    {
        var exclude = chunk.SelectMany(p => original.Compatible(new ActionPattern(p).LiteralPrefix)).Distinct().ToList();
        var members = chunk.Count == 1 ? chunk[0] : $"{chunk[0]}..{chunk[^1]}";
        var name = $"no-escalation {statement.Label} {members}";
        // Cheap witnesses first for a chunk with a leading or inner * or a ?: a few strings each pattern obviously
        // matches, decided by ground membership; a Sat here is a real counterexample. Z3 4.8.12 can time out over all
        // strings on one as plain as *s3:GetAccountPublicAccessBlock against s3:Get*, whose witness
        // "xs3:GetAccountPublicAccessBlock" this finds at once. (Prefix globs, nearly all of a real policy, go straight on.)
        if (chunk.Any(p => !new ActionPattern(p).IsPrefixGlob))
        {
            queries++;
            var instances = chunk.SelectMany(Instances).Distinct().ToList();
            var witness = context.AskNarrowed(name + " (sample strings)", instances, chunk, exclude);
            if (witness.Kind == AnswerKind.Sat)
            {
                return witness;
            }
        }
        queries++;
        return context.Ask(Query.OverAllStrings(name, chunk, exclude));
    }

    /// <summary>Strings a pattern matches: every * filled with "" or with "x", every ? with "x" (compare's containment
    /// tries them too).</summary>
    public static IEnumerable<string> Instances(string pattern) =>
        new[] { "", "x" }.Select(fill => string.Concat(pattern.Select(c => c switch { '*' => fill, '?' => "x", _ => c.ToString() })));

    private static PropertyOutcome Result(StatementCase statement, Answer answer, int queries, IReadOnlyList<string> asked)
        => answer.Kind switch
    {
        AnswerKind.Unsat => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Verdict.Proved, queries),
        AnswerKind.Sat => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Verdict.Refuted, queries,
            new Counterexample(answer.Witness!, asked.Where(p => ActionPattern.Match(p, answer.Witness!)).ToList(), statement.Original,
                $"\"{answer.Witness}\" is granted by the refinement but by no original pattern")),
        _ => new PropertyOutcome(PropertyKind.NoEscalation, statement.Label, Verdict.Unknown, queries, Reason: answer.Reason),
    };
}
