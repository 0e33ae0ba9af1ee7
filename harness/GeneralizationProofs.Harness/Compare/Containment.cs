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
/// r ∈ L(x) gives L(r) ⊆ L(x)); a prefix glob p* by the ground membership of p in the patterns of other that end in
/// <c>*</c> (Lemma 8, <see cref="TrailingStarLift"/>, the one place no-escalation uses too). Only what is left, a
/// glob no such pattern covers or a pattern of another shape, goes to <see cref="NoEscalationCheck"/>'s chunked
/// queries over all strings. Before, every pattern went to those: on <c>"Action": "*"</c> over the June-2024 catalog
/// that was thousands of solver queries for the 9,717 reference patterns (810 s); a ground membership takes the
/// rewriter about half a millisecond.</para>
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
        var lift = TrailingStarLift.Apply(context, label, side, other);
        var queries = lift.Queries;
        var rest = lift.Rest;
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
        var instance = side.SelectMany(NoEscalationCheck.Instances)
            .FirstOrDefault(s => !otherIndex.Compatible(s).Any(p => ActionPattern.Match(p, s)));
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
}
