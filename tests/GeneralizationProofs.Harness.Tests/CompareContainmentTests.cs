using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Compare;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification.Solver;
using Xunit;
using Xunit.Abstractions;
using static GeneralizationProofs.Tests.TestProofs;

namespace GeneralizationProofs.Tests;

/// <summary>
/// How compare decides containment (<see cref="Containment"/>): matcher-proposed differences confirmed by the solver,
/// the prefix-glob lift, the all-strings fallback, and the solver's word required for every difference (a lying
/// solver makes the comparison unknown, never a difference).
/// </summary>
public class CompareContainmentTests(ITestOutputHelper output)
{
    private static readonly ActionCatalog Catalog = new(["s3:GetObject", "s3:GetObjectAcl", "s3:ListBucket"], "test", "2024-01-01");

    private static PolicyComparison Compare(IQuerySolver solver, string[] original, string[] left, string[] right) =>
        new PolicyComparer(Catalog, [], solver).Compare(PolicyWith(original), PolicyWith(left), PolicyWith(right), "L", "R");

    [Fact]
    public void AGlobNoPatternLiftsIsProvedOverAllStrings()
    {
        // "s3:Get" is in no right pattern ending in *, so the lift does not apply; the all-strings query proves equality.
        using var solver = new Z3Session();
        var c = Compare(solver, ["s3:*"], ["s3:Get*"], ["s3:Get", "s3:Get?*"]);
        Assert.Equal(Relation.Equal, c.Relation);
    }

    [Fact]
    public void ADifferenceNoInstanceShowsIsFoundByTheSolver()
    {
        // The matcher's candidates ("zz:", "zz:x") are granted by both sides; the solver finds another string.
        using var solver = new Z3Session();
        var c = Compare(solver, ["zz:*"], ["zz:*"], ["zz:", "zz:x*"]);
        Assert.Equal(Relation.LeftWider, c.Relation);
        var witness = c.Statements[0].LeftOnly!;
        Assert.False(witness.InCatalog);
        Assert.True(ActionPattern.Match("zz:*", witness.Action) && !ActionPattern.Match("zz:x*", witness.Action), witness.Action);
    }

    [Fact]
    public void ADifferenceTheSolverDeniesIsUnknownNotADifference()
    {
        using var solver = new LyingSolver(_ => Answer.Unsat);
        var c = Compare(solver, ["s3:List*"], ["s3:List*"], ["s3:l*"]);
        Assert.Equal(Relation.Unknown, c.Relation);
        Assert.Contains("engine disagreement", c.Statements[0].Reason);
    }

    [Fact]
    public void AContainmentTheSolverRefutesWithABogusStringIsUnknown()
    {
        // The solver claims a witness the matcher rejects: the replay turns it into unknown, never a difference.
        using var solver = new LyingSolver(q => Answer.Sat("s3:GetObject"));
        var c = Compare(solver, ["s3:*"], ["s3:Get*"], ["s3:Get*"]);
        Assert.Equal(Relation.Unknown, c.Relation);
    }

    /// <summary>
    /// The issue's target: <c>"Action": "*"</c>, June-2024 catalog, 20% unused (seed 1), reference vs character, under
    /// 30 s (CPU) with the difference proved and nothing unknown. Slow, so it runs only with <c>GENPROOF_MEASURE=1</c>.
    /// </summary>
    [SkippableFact]
    [Trait("Category", "Slow")]
    public void TheWholeCatalogComparisonFinishesUnderThirtySeconds()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("GENPROOF_MEASURE") == "1", "the measurement runs with GENPROOF_MEASURE=1");
        var catalog = TestData.Catalog("aws-2024-06-16.json");
        var random = new Random(1);
        var unused = new ActionSet(catalog.Matching(new ActionPattern("*")).Distinct().Order(StringComparer.Ordinal)
            .Where(_ => random.NextDouble() < 0.2));
        var policy = PolicyWith("*");
        PolicyDocument Refine(string name) => PolicyDocument.Parse(
            new PolicyRefiner(Strategies.Find(name)!, new GeneralizationContext(catalog, unused)).Refine(policy).Refined, name);
        var (left, right) = (Refine("reference"), Refine("character"));
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var solver = new Z3Session();
        var c = new PolicyComparer(catalog, [], solver).Compare(policy, left, right, "reference", "character");
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s wall, {cpuSeconds:0.0} s CPU, {c.Statements.Sum(s => s.Queries)} queries");
        Assert.Equal(Relation.RightWider, c.Relation);
        Assert.NotNull(c.Statements[0].RightOnly);
        // CPU time: on the shared 2-core machines the wall clock measures the other jobs as much as this one.
        Assert.True(cpuSeconds < 30, $"{cpuSeconds:0.0} s CPU");
    }

    private sealed class LyingSolver(Func<Query, Answer> answer) : IQuerySolver
    {
        public string SolverVersion => "lying";

        public Answer Decide(Query query) => answer(query);

        public void Dispose()
        {
        }
    }
}
