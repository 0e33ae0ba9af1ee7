using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Z3's finite answers are the rewriter's, not the matcher's: the core matcher only picks which membership to ask (and
/// predicts a batch's answers for <see cref="Z3Session.DecideAll"/>), so a matcher that lies costs calls, never a wrong
/// answer. Each lie below would give the wrong answer if its prediction were taken without the rewriter's atom for it.
/// </summary>
public class LyingMatcherTests
{
    private static readonly string[] Candidates = ["s3:GetObject", "s3:GetObjectAcl", "s3:PutObject"];

    /// <summary>The lies: no exclude pattern matches (the witness's exclusion atoms must refute the predicted Sat), no
    /// include pattern matches (the ¬ c ∈ ∪I atoms must refute the predicted Unsat), every pattern matches.</summary>
    public static TheoryData<string> Lies => new("exclude", "include", "all");

    [Theory]
    [MemberData(nameof(Lies))]
    public void ALyingMatcherChangesNoAnswer(string side)
    {
        var queries = new List<Query>
        {
            // every s3:GetObject* candidate is excluded: no witness (Unsat)
            Query.OverCandidates("all excluded", Candidates, ["s3:Get*"], ["s3:GetObject*"]),
            // s3:GetObjectAcl is in s3:GetObject?* and not in s3:GetObject: the witness (Sat)
            Query.OverCandidates("one left", Candidates, ["s3:GetObject?*"], ["s3:GetObject"]),
            // nothing is in s3:Delete*: Unsat
            Query.OverCandidates("none included", Candidates, ["s3:Delete*"], []),
        };
        Func<string, string, bool> lying = (pattern, candidate) => side switch
        {
            "exclude" => pattern != "s3:GetObject*" && pattern != "s3:GetObject" && ActionPattern.Match(pattern, candidate),
            "include" => pattern is not ("s3:Get*" or "s3:GetObject?*") && ActionPattern.Match(pattern, candidate),
            _ => true,
        };
        using var honest = new Z3Session();
        using var lied = new Z3Session { Predicts = lying };
        var expected = honest.DecideAll(queries).Select(a => (a.Kind, a.Witness)).ToList();
        Assert.Equal([(AnswerKind.Unsat, null), (AnswerKind.Sat, "s3:GetObjectAcl"), (AnswerKind.Unsat, null)], expected);
        Assert.Equal(expected, lied.DecideAll(queries).Select(a => (a.Kind, a.Witness)).ToList());
        Assert.Equal(expected, queries.Select(q => lied.Decide(q)).Select(a => (a.Kind, a.Witness)).ToList());
    }
}
