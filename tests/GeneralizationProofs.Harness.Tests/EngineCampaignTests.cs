using System.Text.RegularExpressions;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Issue 13 in the campaigns: each mutant is refuted by Z3, by the automata and by both, on the same first case of
/// the same seed and by the same property; the three-party differential property holds on every obligation of
/// random cases for the real strategies, and reports a difference when the engines do differ.
/// </summary>
public partial class EngineCampaignTests
{
    public static TheoryData<string> MutantNames => new(Mutants.All.Select(m => m.Name));

    [GeneratedRegex(@"COUNTEREXAMPLE \[([a-z-]+)\]")]
    private static partial Regex RefutedProperty();

    /// <summary>The first case of seed 1 whose claims are refuted, and the properties that refute them.</summary>
    private static (int Case, string Properties) FirstRefutation(EngineChoice engine, IGeneralizer mutant)
    {
        using var solver = Engines.Create(engine);
        using var campaign = new PropertyCampaign(solver);
        for (var i = 0; i < 100; i++)
        {
            var result = campaign.Check("claims", mutant, seed: 1, i);
            Assert.NotEqual(Verdict.Unknown, result.Verdict);
            if (result.Verdict == Verdict.Refuted)
            {
                // As text, so that the tuples of two engines compare by value.
                return (i, string.Join(", ", RefutedProperty().Matches(result.Message).Select(m => m.Groups[1].Value).Distinct().Order()));
            }
        }
        return (-1, "");
    }

    [SkippableTheory]
    [MemberData(nameof(MutantNames))]
    public void EveryMutantIsRefutedByEachEngineWithTheSameProperty(string name)
    {
        var mutant = Mutants.Find(name)!;
        var z3 = FirstRefutation(EngineChoice.Z3, mutant);
        Assert.True(z3.Case >= 0, $"100 cases of seed 1 never refuted {name} with Z3");
        Assert.NotEmpty(z3.Properties);
        Assert.Equal(z3, FirstRefutation(EngineChoice.Automata, mutant));
        Assert.Equal(z3, FirstRefutation(EngineChoice.Both, mutant));
    }

    [SkippableFact]
    public void TheThreePartyDifferentialHoldsOnEveryObligationForEveryRealStrategy()
    {
        using var solver = Engines.Create(EngineChoice.Both);
        using var campaign = new PropertyCampaign(solver);
        foreach (var strategy in Strategies.All)
        {
            var result = campaign.Run(strategy, 25, seed: 13, ["claims", "differential"]);
            Assert.True(result.Verdict == Verdict.Proved, result.Text(24));
        }
    }

    [Fact]
    public void ThePartiesReportADifference()
    {
        using var z3 = new Z3Session();
        // Automata over a wrong alphabet (printable ASCII only) find no string for s3:Gét*; Z3 and the matcher find
        // "s3:Gét", in Σ: a difference, and no answer for the verifier.
        using var automata = AutomatonSolver.OverPrintableAsciiOnly();
        var parties = new ThreePartySolver(z3, automata);
        Assert.Equal(AnswerKind.Unknown, parties.Decide(Query.OverAllStrings("latin-1", ["s3:Gét*"], [])).Kind);
        Assert.Equal(AnswerKind.Unsat, parties.Decide(Query.OverAllStrings("inside", ["s3:ListB*"], ["s3:List*"])).Kind);
        Assert.Equal(AnswerKind.Sat, parties.Decide(Query.OverCandidates("finite", ["s3:GetObject"], ["s3:Get*"], [])).Kind);
        Assert.Single(parties.Disagreements);
        Assert.Matches("(?i)z3 sat \\(\"s3:gét[^\"]*\"\\), automata unsat", parties.Disagreements[0]);
        Assert.Contains("the matcher finds \"s3:Gét\", automata unsat", parties.Disagreements[0]);
        Assert.Equal(3, parties.Obligations);
    }
}
