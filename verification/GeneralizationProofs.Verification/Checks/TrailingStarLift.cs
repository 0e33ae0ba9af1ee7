using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// Containment of a pattern in a pattern list, lifted from one ground membership (harness paper, Lemmas 2 and 8):
/// <list type="bullet">
/// <item>a literal r: L(r) ⊆ L(X) iff r ∈ L(X) (case closure, Lemma 2);</item>
/// <item>a prefix glob p* (p literal): if p ∈ L(x) for some x ∈ X that ends in <c>*</c>, then L(p*) ⊆ L(x) (Lemma 8,
/// the trailing-star lift). x = y* and p = u·v with u ∈ L(y), so p·s = u·(v·s) ∈ L(y)·Σ* = L(x) for every s, and a
/// case variant of p is in L(x) too (case closure). The trailing <c>*</c> is what absorbs the suffix: p ∈ L(s3:Get)
/// does not put p·s in it.</item>
/// </list>
/// The core matcher proposes which entries lift (a covering pattern exists); the solver confirms them all in finite
/// queries (<see cref="CheckContext.AskNarrowed(string, IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string}, out int)"/>):
/// the literals against X, the globs' prefixes against X's patterns that end in <c>*</c> only. What the matcher does not
/// lift, or the solver does not confirm, is left to the caller's all-strings queries. On ReadOnlyAccess this turned
/// no-escalation's 246 all-strings queries (24 s of Z3) into ground memberships.
/// </summary>
public static class TrailingStarLift
{
    /// <summary>What lifted and was confirmed, and what remains for the all-strings queries.</summary>
    public sealed record Result(IReadOnlyList<string> Lifted, IReadOnlyList<string> Rest, int Queries);

    /// <param name="side">the patterns whose containment in <paramref name="other"/> is wanted.</param>
    /// <param name="liftLiterals">also lift literals (Lemma 2); false leaves them in Rest, for a caller that asks them itself.</param>
    public static Result Apply(CheckContext context, string label, IReadOnlyList<string> side, IReadOnlyList<string> other,
        bool liftLiterals = true)
    {
        var (literals, globs, rest) = Propose(side, other, liftLiterals);
        var lifted = new List<string>();
        var queries = 0;
        if (literals.Count > 0)
        {
            var answer = context.AskNarrowed($"{label} literals", literals, ["*"], other, out var asked);
            queries += asked;
            (answer.Kind == AnswerKind.Unsat ? lifted : rest).AddRange(literals);
        }
        if (globs.Count > 0)
        {
            var prefixes = globs.Select(g => new ActionPattern(g).LiteralPrefix).Distinct(StringComparer.Ordinal).ToList();
            var answer = context.AskNarrowed($"{label} prefix globs", prefixes, ["*"], other.Where(EndsInStar).ToList(), out var asked);
            queries += asked;
            (answer.Kind == AnswerKind.Unsat ? lifted : rest).AddRange(globs);
        }
        return new Result(lifted, rest, queries);
    }

    /// <summary>
    /// The matcher's proposal: literals some pattern of other matches, prefix globs whose prefix some pattern of other
    /// ending in <c>*</c> matches, and the rest (every other shape, and what nothing covers).
    /// </summary>
    public static (List<string> Literals, List<string> Globs, List<string> Others) Propose(IReadOnlyList<string> side,
        IReadOnlyList<string> other, bool liftLiterals = true)
    {
        var all = new PatternIndex(other);
        var stars = new PatternIndex(other.Where(EndsInStar));
        var (literals, globs, rest) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var pattern in side)
        {
            var shape = new ActionPattern(pattern);
            if (liftLiterals && shape.IsLiteral && all.Compatible(pattern).Any(x => ActionPattern.Match(x, pattern)))
            {
                literals.Add(pattern);
            }
            else if (shape.IsPrefixGlob && stars.Compatible(shape.LiteralPrefix).Any(x => ActionPattern.Match(x, shape.LiteralPrefix)))
            {
                globs.Add(pattern);
            }
            else
            {
                rest.Add(pattern);
            }
        }
        return (literals, globs, rest);
    }

    /// <summary>The condition of Lemma 8: only a covering pattern that ends in <c>*</c> absorbs any suffix.</summary>
    public static bool EndsInStar(string pattern) => pattern.EndsWith('*');
}
