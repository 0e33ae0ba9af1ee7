using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>
/// Compares two refinements of one policy, semantically and over all strings. Each side's statements are paired with
/// the original's by the verifier's alignment, so statement i of the left is judged against statement i of the right.
/// "Left ⊆ right" is the verifier's no-escalation obligation with right in the original's place; <see cref="Containment"/>
/// decides it: a difference the matcher proposes (a catalog action when one exists) is confirmed by one solver query,
/// containment is proved by ground queries where a lemma lifts them and by the chunked all-strings queries elsewhere,
/// and every witness is re-checked by the matcher.
/// </summary>
public sealed class PolicyComparer(ActionCatalog catalog, IReadOnlyList<ActionCatalog> laterCatalogs, IQuerySolver solver)
{
    public PolicyComparison Compare(PolicyDocument original, PolicyDocument left, PolicyDocument right, string leftName, string rightName)
    {
        var watch = Stopwatch.StartNew();
        var (leftCases, leftProblems) = PolicyVerifier.Align(original, left);
        var (rightCases, rightProblems) = PolicyVerifier.Align(original, right);
        var notes = leftProblems.Select(p => "left: " + p).Concat(rightProblems.Select(p => "right: " + p)).ToList();
        // Only the reference decides nothing here: the check context needs a strategy for M1, which compare never asks.
        var context = new CheckContext(catalog, ActionSet.None, TriePrefixGeneralizer.Reference(), solver);
        var statements = leftCases.Zip(rightCases, (l, r) => Statement(l.Label, l.Refined, r.Refined, context)).ToList();
        var leftAll = leftCases.SelectMany(c => c.Refined).ToList();
        var rightAll = rightCases.SelectMany(c => c.Refined).ToList();
        var leftGranted = catalog.Granted(leftAll).ToHashSet(AsciiCase.EqualityComparer);
        var rightGranted = catalog.Granted(rightAll).ToHashSet(AsciiCase.EqualityComparer);
        var future = laterCatalogs.Select(later =>
        {
            var added = later.Actions.Where(a => !catalog.Contains(a)).ToList();
            var l = new ActionCatalog(added).Granted(leftAll).ToHashSet(AsciiCase.EqualityComparer);
            var r = new ActionCatalog(added).Granted(rightAll).ToHashSet(AsciiCase.EqualityComparer);
            return new FutureDifference($"{later.Date}", added.Count, l.Count(a => !r.Contains(a)), r.Count(a => !l.Contains(a)));
        }).ToList();
        return new PolicyComparison(original.Name, leftName, rightName, statements,
            leftGranted.Where(a => !rightGranted.Contains(a)).Order(AsciiCase.Comparer).ToList(),
            rightGranted.Where(a => !leftGranted.Contains(a)).Order(AsciiCase.Comparer).ToList(),
            future, (leftAll.Count, rightAll.Count), (Characters(left), Characters(right)), notes, watch.Elapsed.TotalSeconds);
    }

    private static int Characters(PolicyDocument policy) => policy.Document.ToJsonString().Length;

    private StatementComparison Statement(string label, IReadOnlyList<string> left, IReadOnlyList<string> right, CheckContext context)
    {
        var (leftOnly, leftReason, q1) = Difference(label + " left-only", left, right, context);
        var (rightOnly, rightReason, q2) = Difference(label + " right-only", right, left, context);
        var relation = leftReason is not null || rightReason is not null
            ? (leftOnly is not null && rightOnly is not null ? Relation.Incomparable : Relation.Unknown)
            : (leftOnly, rightOnly) switch
            {
                (null, null) => Relation.Equal,
                (null, _) => Relation.RightWider,
                (_, null) => Relation.LeftWider,
                _ => Relation.Incomparable,
            };
        return new StatementComparison(label, left, right, relation, leftOnly, rightOnly, leftReason ?? rightReason, q1 + q2);
    }

    /// <summary>A string <paramref name="side"/> grants and <paramref name="other"/> does not (null: none), or why unknown.</summary>
    private (Witness? Witness, string? Reason, int Queries) Difference(string label, IReadOnlyList<string> side,
        IReadOnlyList<string> other, CheckContext context)
    {
        var answer = new Containment(catalog, context).Decide(label, side, other);
        return (answer.Witness, answer.Reason, answer.Queries);
    }
}
