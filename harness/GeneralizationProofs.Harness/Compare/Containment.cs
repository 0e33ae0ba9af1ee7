using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>
/// Decides L(side) ⊆ L(other) for one statement pair, with the solver, in as few queries as the languages allow.
/// <para>A difference is proposed by the core matcher and confirmed by one solver query: catalog actions side grants
/// and other does not first, then a few strings each side pattern obviously matches (each <c>*</c> filled with "" or
/// "x"). The solver is asked about that one string (in side, in no other pattern), and its Sat answer is replayed by
/// the matcher (<see cref="CheckContext.Ask"/>); an Unsat is a disagreement between matcher and solver: unknown.</para>
/// <para>Only when the matcher finds no difference is containment proved. A literal r is in L(other) by ground
/// membership in the pattern of other the matcher found to match it (a pattern language is closed under ASCII case, so
/// r ∈ L(x) gives L(r) ⊆ L(x)); a prefix glob p* by the ground membership of p in a pattern x* of other that ends in
/// <c>*</c> (p ∈ L(x*) means p = u·v with u ∈ L(x), so p·s = u·v·s ∈ L(x*) for every s: L(p*) ⊆ L(x*)). These
/// memberships are asked in packs per service. Only what is left, a glob no such pattern covers or a pattern of
/// another shape, goes to <see cref="NoEscalationCheck"/>'s chunked queries over all strings. Before, every pattern
/// went to those: on <c>"Action": "*"</c> over the June-2024 catalog that was thousands of solver queries for the 9,717
/// reference patterns (810 s); a ground membership takes the rewriter microseconds.</para>
/// </summary>
public sealed class Containment(ActionCatalog catalog, CheckContext context)
{
    public ContainmentAnswer Decide(string label, IReadOnlyList<string> side, IReadOnlyList<string> other)
    {
        var otherIndex = new PatternIndex(other);
        if (CandidateWitness(side, other, otherIndex) is { } candidate)
        {
            return Confirm(label, candidate, side, other, otherIndex);
        }
        var queries = 0;
        var (lifted, rest) = LiftedGlobs(side, other);
        foreach (var (pack, index) in lifted.Select((pack, index) => (pack, index)))
        {
            queries++;
            var answer = context.Ask(Query.OverCandidates($"{label} prefix globs {index + 1}", pack.Prefixes, ["*"], pack.Covering));
            if (answer.Kind != AnswerKind.Unsat)
            {
                rest = [.. rest, .. pack.Globs]; // the lift did not hold for some glob of the pack: they go over all strings
            }
        }
        if (rest.Count == 0)
        {
            return new ContainmentAnswer(null, null, queries);
        }
        var outcome = NoEscalationCheck.Check(new StatementCase(label, other, rest), context);
        queries += outcome.Queries;
        return outcome.Verdict switch
        {
            Verdict.Proved => new ContainmentAnswer(null, null, queries),
            Verdict.Refuted => Checked(new Witness(outcome.Counterexample!.Action, catalog.Contains(outcome.Counterexample.Action)),
                side, other, queries),
            _ => new ContainmentAnswer(null, outcome.Reason ?? "the solver gave no answer", queries),
        };
    }

    /// <summary>A string side grants and other does not, by the matcher: a catalog action if one exists.</summary>
    private Witness? CandidateWitness(IReadOnlyList<string> side, IReadOnlyList<string> other, PatternIndex otherIndex)
    {
        var otherGranted = catalog.Granted(other).ToHashSet(AsciiCase.EqualityComparer);
        if (catalog.Granted(side).FirstOrDefault(a => !otherGranted.Contains(a)) is { } action)
        {
            return new Witness(action, true);
        }
        var instance = side.SelectMany(Instances).FirstOrDefault(s => !otherIndex.Compatible(s).Any(p => ActionPattern.Match(p, s)));
        return instance is null ? null : new Witness(instance, catalog.Contains(instance));
    }

    private ContainmentAnswer Confirm(string label, Witness candidate, IReadOnlyList<string> side, IReadOnlyList<string> other,
        PatternIndex otherIndex)
    {
        var include = side.Where(p => ActionPattern.Match(p, candidate.Action)).ToList();
        var exclude = otherIndex.Compatible(candidate.Action);
        var answer = context.Ask(Query.OverCandidates($"{label} witness {candidate.Action}", [candidate.Action], include, exclude));
        return answer.Kind switch
        {
            AnswerKind.Sat => Checked(candidate, side, other, 1),
            AnswerKind.Unsat => new ContainmentAnswer(null,
                $"the matcher found \"{candidate.Action}\" on one side only, but the solver says it is not: engine disagreement", 1),
            _ => new ContainmentAnswer(null, answer.Reason ?? "the solver gave no answer", 1),
        };
    }

    /// <summary>Never print a difference the matcher does not confirm: the string must be granted by one side only.</summary>
    private static ContainmentAnswer Checked(Witness witness, IReadOnlyList<string> side, IReadOnlyList<string> other, int queries) =>
        side.Any(p => ActionPattern.Match(p, witness.Action)) && !other.Any(p => ActionPattern.Match(p, witness.Action))
            ? new ContainmentAnswer(witness, null, queries)
            : new ContainmentAnswer(null, $"the witness \"{witness.Action}\" failed the matcher's re-check", queries);

    /// <summary>
    /// Side's prefix globs whose prefix the matcher finds in one of other's patterns ending in <c>*</c>, in packs the
    /// solver confirms by ground membership, and every other non-literal pattern. A pack holds the globs of one service
    /// whose covering patterns number at most <see cref="CoveringPerQuery"/>: one query per glob (8,800 on the whole
    /// catalog) cost more than the membership tests themselves, and a long union makes each test slow.
    /// </summary>
    private static (List<LiftPack> Lifted, List<string> Others) LiftedGlobs(IReadOnlyList<string> side, IReadOnlyList<string> other)
    {
        var stars = new PatternIndex(other.Where(EndsInStar));
        var all = new PatternIndex(other);
        var covered = new List<(string Glob, string Covering)>();
        var rest = new List<string>();
        foreach (var pattern in side)
        {
            var shape = new ActionPattern(pattern);
            var covering = shape.IsLiteral ? all.Compatible(pattern).FirstOrDefault(x => ActionPattern.Match(x, pattern))
                : shape.IsPrefixGlob ? stars.Compatible(Prefix(pattern)).FirstOrDefault(x => ActionPattern.Match(x, Prefix(pattern)))
                : null;
            if (covering is null)
            {
                rest.Add(pattern);
            }
            else
            {
                covered.Add((pattern, covering));
            }
        }
        var packs = new List<LiftPack>();
        foreach (var service in covered.GroupBy(c => Service(c.Glob), AsciiCase.EqualityComparer))
        {
            foreach (var chunk in service.GroupBy(c => c.Covering, StringComparer.Ordinal).Chunk(CoveringPerQuery))
            {
                var globs = chunk.SelectMany(g => g.Select(c => c.Glob)).ToList();
                packs.Add(new LiftPack(globs, globs.Select(Prefix).ToList(), chunk.Select(g => g.Key).ToList()));
            }
        }
        return (packs, rest);
    }

    private const int CoveringPerQuery = 1;

    private sealed record LiftPack(List<string> Globs, List<string> Prefixes, List<string> Covering);

    private static string Service(string pattern) => pattern.Split(':')[0];

    private static string Prefix(string glob) => new ActionPattern(glob).LiteralPrefix;

    private static bool EndsInStar(string pattern) => pattern.EndsWith('*');

    /// <summary>Strings a pattern matches: every * filled with "" or with "x", every ? with "x".</summary>
    private static IEnumerable<string> Instances(string pattern) =>
        new[] { "", "x" }.Select(fill => string.Concat(pattern.Select(c => c switch { '*' => fill, '?' => "x", _ => c.ToString() })));
}
