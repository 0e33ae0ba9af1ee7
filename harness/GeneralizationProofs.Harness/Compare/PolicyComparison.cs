using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Compare;

public sealed record PolicyComparison(string Policy, string LeftName, string RightName, IReadOnlyList<StatementComparison> Statements,
    IReadOnlyList<string> LeftOnlyCatalog, IReadOnlyList<string> RightOnlyCatalog, IReadOnlyList<FutureDifference> Future,
    (int Left, int Right) Patterns, (int Left, int Right) Characters, IReadOnlyList<string> Notes, double Seconds)
{
    public Relation Relation => Combine(Statements.Select(s => s.Relation));

    /// <summary>How big the difference is, for "biggest first": catalog actions on either side only, then future ones.</summary>
    public int Size => LeftOnlyCatalog.Count + RightOnlyCatalog.Count + Future.Sum(f => f.LeftOnly + f.RightOnly);

    public static Relation Combine(IEnumerable<Relation> relations)
    {
        var list = relations.ToList();
        var leftWider = list.Any(r => r is Relation.LeftWider or Relation.Incomparable);
        var rightWider = list.Any(r => r is Relation.RightWider or Relation.Incomparable);
        return leftWider && rightWider ? Relation.Incomparable
            : list.Contains(Relation.Unknown) ? Relation.Unknown
            : leftWider ? Relation.LeftWider : rightWider ? Relation.RightWider : Relation.Equal;
    }

    public static string Name(Relation relation) => relation switch
    {
        Relation.Equal => "equal",
        Relation.RightWider => "left ⊂ right",
        Relation.LeftWider => "right ⊂ left",
        Relation.Incomparable => "incomparable",
        _ => "unknown",
    };

    /// <summary><c>--expect</c>: equal; narrower (right ⊂ left, strictly); no-wider (right grants nothing left does not).</summary>
    public static Verdict Expect(Relation relation, string expectation) => relation == Relation.Unknown
        ? Verdict.Unknown
        : expectation switch
    {
        "equal" => relation == Relation.Equal ? Verdict.Proved : Verdict.Refuted,
        "narrower" => relation == Relation.LeftWider ? Verdict.Proved : Verdict.Refuted,
        "no-wider" => relation is Relation.Equal or Relation.LeftWider ? Verdict.Proved : Verdict.Refuted,
        _ => throw new ArgumentException($"unknown expectation {expectation}", nameof(expectation)),
    };
}
