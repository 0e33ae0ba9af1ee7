using System.Text.Json.Nodes;
using FsCheck.Xunit;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// Spec §2, "verdicts are about languages, never about spelling", as a metamorphic property over random cases (issue 12):
/// a strategy's refinement is verified as it is and as three variants that a sceptical reviewer would try —
/// every refined pattern re-cased, every statement's patterns reordered, one pattern duplicated. The first two denote
/// the same languages pattern by pattern, so every property's verdict on every statement must be the same. A duplicate
/// denotes the same language for the statement, so sound, no-escalation and complete must not move; it is redundant,
/// so M2 must be refuted, and no list property may become proved.
/// </summary>
public class MetamorphicVerdictTests
{
    private static readonly IGeneralizer[] Strategies = [TriePrefixGeneralizer.Reference(), TriePrefixGeneralizer.Character()];

    [Property(MaxTest = 25, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void EqualLanguagesGetEqualVerdictsAndADuplicateIsRedundant(RandomCase c, int seed)
    {
        using var solver = new Z3Session();
        var catalog = c.ActionCatalog();
        var unused = c.UnusedSet();
        var policy = c.Policy();
        foreach (var strategy in Strategies)
        {
            var refined = new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy).Refined;
            var verifier = new PolicyVerifier(new CheckContext(catalog, unused, strategy, solver));
            VerificationReport Verify(PolicyDocument variant) => verifier.Verify(policy, variant, PropertyKind.All);
            var random = new Random(seed);
            var baseline = Verify(PolicyDocument.Parse(refined, "refined"));
            var what = $"{strategy.Name} on\n{c}\nrefined:\n{PolicyDocument.Write(refined)}";

            var recased = Verify(Variant(refined, (_, actions) => actions.Select(a => CaseGenerators.CaseVariant(random, a)).ToList()));
            SameVerdicts(baseline, recased, null, $"re-cased, {what}");
            var reordered = Verify(Variant(refined, (_, actions) => actions.OrderBy(_ => random.Next()).ToList()));
            SameVerdicts(baseline, reordered, null, $"reordered, {what}");

            if (Duplicate(c, refined, random) is not var (duplicated, label, pattern))
            {
                continue;
            }
            var report = Verify(duplicated);
            SameVerdicts(baseline, report, label, $"{pattern} duplicated in {label}, {what}");
            var m2 = OutcomeOf(report, PropertyKind.NonRedundant, label);
            var wasUnknown = OutcomeOf(baseline, PropertyKind.NonRedundant, label) == Verdict.Unknown;
            Assert.True(m2 == Verdict.Refuted || (m2 == Verdict.Unknown && wasUnknown),
                $"M2 {m2} with {pattern} duplicated in {label}, {what}\n{ReportWriter.Text(report)}");
        }
    }

    /// <summary>
    /// Counterexample replay as a property (issue 12): the mutants are refuted on random cases, and every string printed
    /// for sound, no-escalation or complete is what it claims to be by the core matcher — an unused action a refined
    /// pattern grants, a string the refinement grants and no original pattern does, a kept action no longer granted.
    /// </summary>
    [Property(MaxTest = 15, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void EveryPrintedCounterexampleChecksOutByTheMatcher(RandomCase c)
    {
        using var solver = new Z3Session();
        var (catalog, unused, policy) = (c.ActionCatalog(), c.UnusedSet(), c.Policy());
        foreach (var mutant in Mutants.All)
        {
            var refinement = new PolicyRefiner(mutant, new GeneralizationContext(catalog, unused)).Refine(policy);
            var refined = PolicyDocument.Parse(refinement.Refined, "refined");
            var report = new PolicyVerifier(new CheckContext(catalog, unused, mutant, solver)).Verify(policy, refined, mutant.Claims);
            foreach (var p in report.Properties)
            {
                foreach (var e in p.Statements.Select(s => s.Counterexample).OfType<Counterexample>())
                {
                    var grantedByRefined = e.RefinedPatterns.Any(r => ActionPattern.Match(r, e.Action));
                    var grantedByOriginal = e.OriginalPatterns.Any(o => ActionPattern.Match(o, e.Action));
                    var ok = p.Property switch
                    {
                        PropertyKind.Sound => grantedByRefined && unused.Contains(e.Action),
                        PropertyKind.NoEscalation => grantedByRefined && !grantedByOriginal,
                        PropertyKind.Complete => grantedByOriginal && !unused.Contains(e.Action),
                        _ => true, // M1, M2, M3 name patterns, not strings
                    };
                    Assert.True(ok, $"{mutant.Name}: [{PropertyKinds.Name(p.Property)}] \"{e.Action}\" does not check out\n{c}");
                }
            }
        }
    }

    /// <summary>
    /// Every property on every statement as in <paramref name="expected"/>; on <paramref name="duplicatedIn"/>, the list
    /// properties (M1, M2, M3) may change, but never to Proved: the copy is one more emitted pattern to judge (a copy of
    /// a verbatim <c>ec2:?elete</c> makes M3 Unknown, as any emitted shape M3 does not range over does).
    /// </summary>
    private static void SameVerdicts(VerificationReport expected, VerificationReport actual, string? duplicatedIn, string what)
    {
        foreach (var property in PropertyKinds.Order)
        {
            foreach (var statement in Expected(expected, property))
            {
                var was = statement.Verdict;
                var now = OutcomeOf(actual, property, statement.Statement);
                var listProperty = property is PropertyKind.Maximal or PropertyKind.NonRedundant or PropertyKind.MinimumSize;
                var ok = duplicatedIn == statement.Statement && listProperty ? now != Verdict.Proved || was == Verdict.Proved : now == was;
                Assert.True(ok, $"{PropertyKinds.Name(property)} on {statement.Statement}: {was} became {now} ({what})\n"
                    + ReportWriter.Text(actual, withEvidence: false));
            }
        }
    }

    private static IReadOnlyList<PropertyOutcome> Expected(VerificationReport report, PropertyKind property) =>
        report.Properties.Single(p => p.Property == property).Statements;

    private static Verdict OutcomeOf(VerificationReport report, PropertyKind property, string statement) =>
        Expected(report, property).Single(s => s.Statement == statement).Verdict;

    /// <summary>The refined policy with each Allow + Action statement's list changed (statement index, actions).</summary>
    private static PolicyDocument Variant(JsonObject refined, Func<int, List<string>, List<string>> change)
    {
        var copy = (JsonObject)refined.DeepClone();
        var statements = copy["Statement"] is JsonArray array ? array.Select(n => n!.AsObject()).ToList() : [copy["Statement"]!.AsObject()];
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (statement["Effect"]?.GetValue<string>() != "Allow" || statement["Action"] is not { } action)
            {
                continue;
            }
            List<string> actions = action is JsonArray list
                ? list.Select(n => n!.GetValue<string>()).ToList()
                : [action.GetValue<string>()];
            statement["Action"] = new JsonArray(change(i, actions).Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        }
        return PolicyDocument.Parse(copy, "variant");
    }

    /// <summary>
    /// One refined pattern appended again (re-cased) to its statement, or null when none qualifies. Only a copy beyond
    /// the original's own count of that pattern is the strategy's: an original that lists a pattern twice may keep both
    /// copies verbatim (they are the user's), so such a pattern is not picked.
    /// </summary>
    private static (PolicyDocument Policy, string Label, string Pattern)? Duplicate(RandomCase c, JsonObject refined, Random random)
    {
        var document = PolicyDocument.Parse(refined, "refined");
        var choices = document.Statements.Where(s => s.IsRefinable)
            .SelectMany(s => s.Actions.Select(a => (Statement: s, Pattern: a)))
            .Where(x => Copies(x.Statement.Actions, x.Pattern) >= Copies(Original(c, x.Statement), x.Pattern))
            .ToList();
        if (choices.Count == 0)
        {
            return null;
        }
        var (statement, pattern) = choices[random.Next(choices.Count)];
        var copy = CaseGenerators.CaseVariant(random, pattern);
        var variant = Variant(refined, (i, actions) => i == statement.Index ? [.. actions, copy] : actions);
        // Reports name statements as the original policy numbers them; a removed statement shifts the refined numbering.
        return (variant, c.Policy().Statements.Single(s => s.Sid == statement.Sid).Label, copy);
    }

    private static int Copies(IReadOnlyList<string> patterns, string pattern) => patterns.Count(p => AsciiCase.Equal(p, pattern));

    /// <summary>The original statement a refined one came from: the generator names statement i "S{i}" (its Sid).</summary>
    private static IReadOnlyList<string> Original(RandomCase c, Statement refined) =>
        c.Statements[int.Parse(refined.Sid![1..])].Actions;
}
