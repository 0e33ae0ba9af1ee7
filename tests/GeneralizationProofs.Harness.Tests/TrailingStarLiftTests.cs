using FsCheck.Xunit;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Lemma 8 of papers/harness.md (the trailing-star lift): a prefix glob p* is inside a pattern x that ends in <c>*</c>
/// when the one string p is in L(x). Checked against one whole automata query per lifted glob (no lift, no narrowing);
/// papers/harness.md, Appendix A, row 8, records the break (the trailing-star condition dropped) under which both fail.
/// </summary>
public class TrailingStarLiftTests
{
    /// <summary>Every glob the lift proves is inside the original patterns, as one whole all-strings query says.</summary>
    [Property(MaxTest = 100, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void EveryLiftedGlobIsInsideTheOriginalByOneWholeQuery(RandomCase c, int seed)
    {
        var random = new Random(seed);
        using var automata = new AutomatonSolver();
        var context = new CheckContext(c.ActionCatalog(), c.UnusedSet(), TriePrefixGeneralizer.Reference(), automata);
        foreach (var statement in c.Statements.Where(s => s.Actions.Count > 0))
        {
            // Globs on prefixes of the originals' own text and of catalog names: many have their prefix in some
            // original, ending in * or not (a literal, an inner * or ?), which is what the lift must tell apart.
            var texts = statement.Actions.Concat(c.Catalog).ToList();
            var globs = texts.Select(t => t[..random.Next(t.Length + 1)].Replace("*", "").Replace("?", "") + "*").Distinct().ToList();
            var lift = TrailingStarLift.Apply(context, "lift", globs, statement.Actions);
            foreach (var glob in lift.Lifted)
            {
                var whole = automata.Decide(Query.OverAllStrings("whole", [glob], statement.Actions));
                Assert.True(whole.Kind == AnswerKind.Unsat,
                    $"P [{string.Join(", ", statement.Actions)}]: {glob} lifted, but the whole query finds \"{whole.Witness}\" outside P");
            }
        }
    }

    /// <summary>
    /// Fixed instances, with both engines: the prefix s3:GetObject is in L(s3:GetObject) and in L(s3:Get*Object), but
    /// neither ends in <c>*</c>, so s3:GetObject* escapes both (s3:GetObjectAcl); under s3:Get* it is inside, by the lift.
    /// </summary>
    [Theory]
    [InlineData("z3")]
    [InlineData("automata")]
    public void OnlyACoveringPatternEndingInStarLiftsAGlob(string engine)
    {
        using var solver = Engines.Create(Engines.Parse(engine)!.Value);
        var catalog = new GeneralizationProofs.Catalog.ActionCatalog(["s3:GetObject", "s3:GetObjectAcl"], "test");
        var context = new CheckContext(catalog, new ActionSet([]), TriePrefixGeneralizer.Reference(), solver);
        foreach (var original in new[] { "s3:GetObject", "s3:Get*Object", "S3:GETOBJECT" })
        {
            Assert.Empty(TrailingStarLift.Apply(context, "lift", ["s3:GetObject*"], [original]).Lifted);
            var outcome = NoEscalationCheck.Check(new StatementCase("s", [original], ["s3:GetObject*"]), context);
            Assert.True(outcome.Verdict == Verdict.Refuted, $"{original}: {outcome.Verdict} {outcome.Reason}");
            Assert.False(ActionPattern.Match(original, outcome.Counterexample!.Action), outcome.Counterexample.Action);
        }
        var inside = TrailingStarLift.Apply(context, "lift", ["s3:GetObject*", "S3:getobjectacl*"], ["s3:Get*"]);
        Assert.Equal(["s3:GetObject*", "S3:getobjectacl*"], inside.Lifted);
        Assert.Empty(inside.Rest);
        Assert.Equal(Verdict.Proved, NoEscalationCheck.Check(new StatementCase("s", ["s3:Get*"], ["s3:GetObject*"]), context).Verdict);
    }

    /// <summary>
    /// Inner-* entries kept as they were (re-cased) are each asked alone against their own entry, one small query each:
    /// asked in one chunk against every original of the service, thirteen such entries took the automata engine 26 s.
    /// An entry that is not one of the originals still goes to the chunks and is refuted with a witness outside them.
    /// </summary>
    [Theory]
    [InlineData("z3")]
    [InlineData("automata")]
    public void AKeptEntryIsAskedAloneAgainstItself(string engine)
    {
        using var solver = Engines.Create(Engines.Parse(engine)!.Value);
        var catalog = new GeneralizationProofs.Catalog.ActionCatalog(["sagemaker:CreateEndpoint", "sagemaker:CreateModel"], "test");
        var context = new CheckContext(catalog, new ActionSet([]), TriePrefixGeneralizer.Reference(), solver);
        string[] words = ["Endpoint", "Model", "Context", "Artifact", "Action", "Association", "Job", "Trial", "Pipeline"];
        var original = words.Select(w => $"sagemaker:*{w}*").ToList();
        var kept = words.Select(w => $"SageMaker:*{w.ToUpperInvariant()}*").ToList();
        var outcome = NoEscalationCheck.Check(new StatementCase("s", original, kept), context);
        Assert.Equal(Verdict.Proved, outcome.Verdict);
        // The (empty) literal query, then one query per kept entry; in one chunk it would be a sample-string query and one
        // all-strings query, 3 in all.
        Assert.Equal(1 + words.Length, outcome.Queries);
        var widened = NoEscalationCheck.Check(new StatementCase("s", original, [.. kept, "sagemaker:*Lineage*"]), context);
        Assert.Equal(Verdict.Refuted, widened.Verdict);
        Assert.DoesNotContain(original, o => ActionPattern.Match(o, widened.Counterexample!.Action));
    }
}
