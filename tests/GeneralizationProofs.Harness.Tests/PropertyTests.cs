using FsCheck;
using FsCheck.Xunit;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>The FsCheck arbitrary: <see cref="CaseGenerators"/> with <see cref="RandomCase.Shrink"/>.</summary>
public static class GeneratedCases
{
    public static Arbitrary<RandomCase> Cases() => CaseGenerators.Arbitrary();
}

/// <summary>
/// The property-based suite (issue 4) over random catalogs, policies and unused sets, on every real strategy; the
/// mutants must be caught. Case counts keep the default run within a minute or so on 2 cores; the long campaign is
/// <see cref="LongCampaignTests"/>. A failure is shrunk by FsCheck with our shrinker and printed as a readable case.
/// </summary>
public class PropertyTests
{
    private static void Holds(CaseResult result, string what)
    {
        if (result.Verdict != Verdict.Proved)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {result.Verdict}\n{result.Message}");
        }
    }

    [Property(MaxTest = 40, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void EveryRealStrategyProvesItsClaims(RandomCase c)
    {
        using var solver = new Z3Session();
        var properties = new CaseProperties(solver);
        foreach (var strategy in Strategies.All)
        {
            Holds(properties.Claims(strategy, c), $"{strategy.Name} claims");
        }
    }

    [Property(MaxTest = 40, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void TheEncodingAgreesWithTheMatcher(RandomCase c)
    {
        using var solver = new Z3Session();
        Holds(new CaseProperties(solver).Differential(TriePrefixGeneralizer.Reference(), c, seed: c.Catalog.Count), "differential");
    }

    [Property(MaxTest = 80, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void MetamorphicRelationsHoldForEveryRealStrategy(RandomCase c)
    {
        using var solver = new Z3Session();
        var properties = new CaseProperties(solver);
        foreach (var strategy in Strategies.All)
        {
            Holds(properties.EmptyUnused(strategy, c), $"{strategy.Name} empty-unused");
            Holds(properties.Monotone(strategy, c, c.Unused.Count), $"{strategy.Name} monotone");
            Holds(properties.Idempotent(strategy, c), $"{strategy.Name} idempotent");
            Holds(properties.OrderAndCase(strategy, c, c.Statements.Count), $"{strategy.Name} order-and-case");
        }
    }

    [Property(MaxTest = 100, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void ReadersThrowOnlyTheirOwnErrorOnMalformedJson(RandomCase c, int seed) =>
        Holds(CaseProperties.JsonReader(c, seed), "json-reader");

    /// <summary>The prefix lemma as the code applies it: narrowing never drops a pattern or candidate that could match.</summary>
    [Property(MaxTest = 100, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void PrefixLemmaNarrowingNeverDropsAPossibleMatch(RandomCase c)
    {
        var catalog = c.ActionCatalog();
        var patterns = c.Statements.SelectMany(s => s.Actions).ToList();
        var candidates = CheckContext.Candidates(catalog, patterns).ToHashSet(StringComparer.Ordinal);
        var index = new PatternIndex(patterns);
        foreach (var action in catalog.Actions)
        {
            var matching = patterns.Where(p => ActionPattern.Match(p, action)).ToList();
            Assert.True(matching.Count == 0 || candidates.Contains(action),
                $"Candidates dropped {action}, matched by {string.Join(", ", matching)}");
            for (var length = 0; length <= action.Length; length++)
            {
                var compatible = index.Compatible(CaseGenerators.CaseVariant(new Random(length), action[..length]));
                Assert.All(matching, p => Assert.Contains(p, compatible));
            }
        }
    }

    /// <summary>A campaign that never refutes a mutant is a broken campaign: each is caught, by the right property.</summary>
    [Theory]
    [InlineData("mutant-drops-kept", "[complete]")]
    [InlineData("mutant-keeps-unused", "[sound]")]
    [InlineData("mutant-parent", "[sound]")]
    [InlineData("mutant-escaping-literal", "[no-escalation]")]
    [InlineData("mutant-redundant", "[non-redundant]")]
    [InlineData("mutant-one-more", "[maximal]")]
    [InlineData("mutant-bare-literal", "[complete]")]
    [InlineData("mutant-catalog-prefix", "[no-escalation]")]
    public void EveryMutantIsCaughtByTheCampaignWithTheRightProperty(string mutant, string property)
    {
        using var solver = new Z3Session();
        var campaign = new PropertyCampaign(solver);
        var strategy = Mutants.Find(mutant)!;
        for (var i = 0; i < 100; i++)
        {
            var verdict = campaign.Check("claims", strategy, seed: 1, i);
            if (verdict.Verdict == Verdict.Refuted)
            {
                var failure = campaign.Shrink("claims", strategy, 1, i, campaign.Case(1, i), verdict);
                Assert.Contains("COUNTEREXAMPLE " + property, failure.Message);
                Assert.True(failure.Smallest.Catalog.Count <= failure.Found.Catalog.Count);
                // The shrunk case still fails, and the reference proves it.
                Assert.Equal(Verdict.Refuted, new CaseProperties(solver).Claims(strategy, failure.Smallest).Verdict);
                Assert.Equal(Verdict.Proved, new CaseProperties(solver).Claims(TriePrefixGeneralizer.Reference(), failure.Smallest)
                    .Verdict);
                return;
            }
        }
        Assert.Fail($"100 cases of seed 1 never refuted {mutant}");
    }
}

/// <summary>
/// The metamorphic checkers can fail too: each is shown a strategy broken in the way it looks for, and must catch it.
/// (The claims checker is shown the mutants above; the reader checker caught a real bug, see <see cref="Replay"/>.)
/// </summary>
public class MetamorphicCheckersCatchBrokenStrategies
{
    private sealed class Broken(string name, Func<ActionPattern, bool> drops) : IGeneralizer
    {
        private static readonly TriePrefixGeneralizer Reference = TriePrefixGeneralizer.Reference();
        public string Name => name;
        public string Description => "test-only";
        public PropertyKind Claims => Reference.Claims;
        public string? CoarserPrefix(string literalPrefix) => Reference.CoarserPrefix(literalPrefix);
        public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context) =>
            drops(entry) ? [] : Reference.Generalize(entry, context);
    }

    private static string FirstFailure(string property, IGeneralizer strategy)
    {
        using var solver = new Z3Session();
        var result = new PropertyCampaign(solver).Run(strategy, 200, seed: 1, [property]);
        Assert.True(result.Tallies.Single().Fails > 0, $"{property} never failed on {strategy.Name}");
        return result.Failures.Single().Message;
    }

    [Fact]
    public void EmptyUnusedCatchesAStrategyThatDropsServiceWildcards() =>
        Assert.Contains("with no unused action", FirstFailure("empty-unused", new Broken("drops-svc-star", e => e.Text.EndsWith(":*"))));

    [Fact]
    public void OrderAndCaseCatchesACaseSensitiveStrategy()
    {
        var caseSensitive = new Broken("case-sensitive", e => e.Text.Any(char.IsUpper));
        Assert.Contains("reordered and re-cased", FirstFailure("order-and-case", caseSensitive));
    }

    [Fact]
    public void MonotoneAndIdempotentCatchMutants()
    {
        Assert.Contains("grants more", FirstFailure("monotone", Mutants.Find("mutant-drops-kept")!));
        Assert.Contains("refining twice differs", FirstFailure("idempotent", Mutants.Find("mutant-keeps-unused")!));
    }
}

/// <summary>
/// Failures the campaign found, kept as regression facts: each replays its campaign case by seed and index
/// (<c>genproof check --seed S --case I</c>) and also holds its shrunk counterexample literally, in case the generators
/// change and the seed no longer reaches it.
/// </summary>
public class Replay
{
    private static CaseResult Check(string property, string strategy, int seed, int index)
    {
        using var solver = new Z3Session();
        return new PropertyCampaign(solver).Check(property, Strategies.Find(strategy)!, seed, index);
    }

    private static CaseResult CheckLiteral(string property, string strategy, RandomCase c)
    {
        using var solver = new Z3Session();
        return new CaseProperties(solver).Check(property, Strategies.Find(strategy)!, c, seed: 1);
    }

    [Fact]
    public void UnpairedSurrogateEscapeInAPolicy_Seed1Case7()
    {
        // System.Text.Json decodes strings lazily: "\ud800" threw InvalidOperationException from deep in the reader.
        Assert.Equal(Verdict.Proved, Check("json-reader", "reference", 1, 7).Verdict);
        var e = Assert.Throws<InputException>(() => Policy.PolicyDocument.FromText("""{"Version": "\ud800", "Statement": []}""", "p.json"));
        Assert.Contains("$.Version", e.Message);
    }

    [Fact]
    public void CharacterM3IgnoresAVerbatimWildcardWithNoCatalogAction_Seed3Case2()
    {
        Assert.Equal(Verdict.Proved, Check("claims", "character", 3, 2).Verdict);
        var c = new RandomCase(["healthlake:getDatastore"], [new RandomStatement(["unknownservice:Get*"])], []);
        Assert.Equal(Verdict.Proved, CheckLiteral("claims", "character", c).Verdict);
    }

    [Fact]
    public void CharacterM3DoesNotCountAnEscalatingMergeAsSmaller_Seed3Case75()
    {
        // connect:Delete* would cover both kept actions, but grants strings connect:*s does not.
        Assert.Equal(Verdict.Proved, Check("claims", "character", 3, 75).Verdict);
        var c = new RandomCase(["connect:DeleteACLs", "connect:DeleteVersions", "connect:DescribeCORSFHIRBucketReports"],
            [new RandomStatement(["connect:*s"])], ["connect:DescribeCORSFHIRBucketReports"]);
        Assert.Equal(Verdict.Proved, CheckLiteral("claims", "character", c).Verdict);
    }

    [Fact]
    public void AWildcardEndingInStarDescendsToPrefixesInsideIt_Seed3Case202()
    {
        // ec2:?* used to become literals only; ec2:D* (and ec2:Describe*) is safe and inside it, so M3 refuted that.
        Assert.Equal(Verdict.Proved, Check("claims", "character", 3, 202).Verdict);
        var c = new RandomCase(["ec2:DescribeBucketGateways", "ec2:DescribeInstanceVersions", "ec2:Put"],
            [new RandomStatement(["ec2:?*"])], ["ec2:Put"]);
        Assert.Equal(Verdict.Proved, CheckLiteral("claims", "character", c).Verdict);
        var refined = new Refinement.PolicyRefiner(TriePrefixGeneralizer.Character(), new GeneralizationContext(c.ActionCatalog(),
            c.UnusedSet()))
            .Refine(c.Policy()).Statements[0].RefinedActions;
        Assert.Equal(["ec2:D*"], refined);
    }
}

/// <summary>
/// The long campaign: 2,000 cases per real strategy, every property. Marked with a trait and run only when asked:
/// <c>GENPROOF_LONG=1 dotnet test GeneralizationProofs.sln --filter Category=LongCampaign</c>
/// (or one strategy at a time with <c>genproof check --cases 2000</c>).
/// </summary>
[Trait("Category", "LongCampaign")]
public class LongCampaignTests
{
    public static TheoryData<string> RealStrategies => new(Strategies.All.Select(s => s.Name));

    [SkippableTheory]
    [MemberData(nameof(RealStrategies))]
    public void TwoThousandCasesHoldEveryProperty(string strategy)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("GENPROOF_LONG") == "1", "the long campaign runs with GENPROOF_LONG=1");
        using var solver = new Z3Session();
        var result = new PropertyCampaign(solver).Run(Strategies.Find(strategy)!, 2000, seed: 20261123);
        Assert.True(result.Verdict == Verdict.Proved, result.Text(24));
    }
}
