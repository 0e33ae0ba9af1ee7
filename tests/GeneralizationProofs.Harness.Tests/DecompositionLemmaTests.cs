using System.Text.Json.Nodes;
using FsCheck.Xunit;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>
/// The lemmas of papers/harness.md that had no random-case test, each checked against an oracle that does not use the
/// lemma: one whole automata query (exact, no narrowing, no chunking), or the matcher. The paper's appendix records
/// the break of each lemma's code under which these fail.
/// </summary>
public class DecompositionLemmaTests
{
    private static List<string> Patterns(RandomCase c) => c.Statements.SelectMany(s => s.Actions).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Pick(Random random, IReadOnlyList<string> from, int max) =>
        from.Where(_ => random.Next(3) == 0).Take(max).ToList();

    /// <summary>Narrowing: a finite query asked candidate by candidate with the compatible patterns answers like the whole query.</summary>
    [Property(MaxTest = 100, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void NarrowedQueriesAnswerLikeTheWholeQuery(RandomCase c, int seed)
    {
        var random = new Random(seed);
        var patterns = Patterns(c).Concat(c.Catalog.Select(a => random.Next(2) == 0 ? a : a[..random.Next(a.Length)] + "*")).ToList();
        using var automata = new AutomatonSolver();
        var context = new CheckContext(c.ActionCatalog(), c.UnusedSet(), TriePrefixGeneralizer.Reference(), automata);
        for (var round = 0; round < 4; round++)
        {
            var include = Pick(random, patterns, 6);
            var exclude = Pick(random, patterns, 6);
            if (include.Count == 0)
            {
                continue;
            }
            var whole = automata.Decide(Query.OverCandidates("whole", c.Catalog, include, exclude));
            var narrowed = context.AskNarrowed("narrowed", c.Catalog, include, exclude);
            Assert.True(whole.Kind == narrowed.Kind,
                $"include [{string.Join(", ", include)}], exclude [{string.Join(", ", exclude)}]: "
                + $"whole {whole.Kind}, narrowed {narrowed.Kind} {narrowed.Reason}");
        }
    }

    /// <summary>
    /// Chunking and grouping: no-escalation asked in chunks (here of two wildcards, so small cases are chunked), each
    /// against the original patterns compatible with it, is proved exactly when the whole L(R) ⊆ L(P) holds, and its
    /// counterexample is in L(R) \ L(P).
    /// </summary>
    [Property(MaxTest = 100, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void NoEscalationInChunksDecidesLikeOneWholeQuery(RandomCase c, int seed)
    {
        var random = new Random(seed);
        var patterns = Patterns(c);
        using var automata = new AutomatonSolver();
        var context = new CheckContext(c.ActionCatalog(), c.UnusedSet(), TriePrefixGeneralizer.Reference(), automata);
        foreach (var statement in c.Statements.Where(s => s.Actions.Count > 0))
        {
            var globs = statement.Actions.Select(p => new ActionPattern(p).LiteralPrefix + "*");
            var refined = Pick(random, patterns.Concat(globs).ToList(), 12);
            // Half the time R keeps only its wildcards with a ? or a leading or inner *, and P also holds their plain
            // instances ("" or "x" for each *, "x" for each ?): every sample string the check tries first is then in L(P),
            // and only the all-strings query can find an escape.
            IReadOnlyList<string> original = statement.Actions;
            var shaped = refined.Where(p => !new ActionPattern(p).IsLiteralOrPrefixGlob).ToList();
            if (shaped.Count > 0 && random.Next(2) == 0)
            {
                refined = shaped;
                original = statement.Actions.Concat(shaped.SelectMany(Instances)).Distinct().ToList();
            }
            var outcome = NoEscalationCheck.Check(new StatementCase("s", original, refined), context, chunkSize: 2);
            var whole = automata.Decide(Query.OverAllStrings("whole", refined, original));
            var expected = whole.Kind == AnswerKind.Unsat ? Verdict.Proved : Verdict.Refuted;
            Assert.True(expected == outcome.Verdict, $"P [{string.Join(", ", original)}], R [{string.Join(", ", refined)}]: "
                + $"whole query {whole.Kind} ({whole.Witness}), chunked {outcome.Verdict} {outcome.Reason}");
            if (outcome.Counterexample is { } x)
            {
                Assert.True(refined.Any(p => ActionPattern.Match(p, x.Action)), x.Action);
                Assert.False(original.Any(p => ActionPattern.Match(p, x.Action)), x.Action);
            }
        }
    }

    private static IEnumerable<string> Instances(string pattern) => new[] { "", "x" }
        .Select(fill => string.Concat(pattern.Select(ch => ch switch { '*' => fill, '?' => "x", _ => ch.ToString() })));

    /// <summary>
    /// The M3 certificate: when minimum size is proved, no two emitted patterns merge into the glob of their literal
    /// prefixes' longest common prefix without meeting U or escaping P (checked by the matcher and one automata query;
    /// any glob covering both contains that one, so it is the only merge to try).
    /// </summary>
    [Property(MaxTest = 60, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void ProvedMinimumSizeLeavesNoUsableMerge(RandomCase c)
    {
        using var automata = new AutomatonSolver();
        foreach (var strategy in new IGeneralizer[] { TriePrefixGeneralizer.Character(), TriePrefixGeneralizer.Reference() })
        {
            var proof = RefineAndProve.Run(strategy, c.Policy(), c.ActionCatalog(), c.UnusedSet(), automata,
                ProofScope.Exactly(PropertyKind.MinimumSize));
            var (cases, _) = PolicyVerifier.Align(c.Policy(), proof.Refined);
            var outcomes = proof.Report.Properties.Single().Statements;
            foreach (var statement in cases.Where(s => outcomes.Any(o => o.Statement == s.Label && o.Verdict == Verdict.Proved)))
            {
                var emitted = statement.Emitted.Select(p => new ActionPattern(p)).ToList();
                for (var i = 0; i < emitted.Count; i++)
                {
                    for (var j = i + 1; j < emitted.Count; j++)
                    {
                        var (a, b) = (emitted[i].LiteralPrefix, emitted[j].LiteralPrefix);
                        var length = 0;
                        while (length < a.Length && length < b.Length && AsciiCase.Fold(a[length]) == AsciiCase.Fold(b[length]))
                        {
                            length++;
                        }
                        var merged = a[..length] + "*";
                        var meetsUnused = c.Unused.Any(u => ActionPattern.Match(merged, u));
                        var escape = automata.Decide(Query.OverAllStrings("escape", [merged], statement.Original));
                        var escapes = escape.Kind != AnswerKind.Unsat;
                        Assert.True(meetsUnused || escapes, $"{strategy.Name}: M3 proved on {statement.Label}, but {emitted[i].Text} and "
                            + $"{emitted[j].Text} merge into the usable {merged}\n{ReportWriter.Text(proof.Report)}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Alignment: statements with no Sid and the same Resource look alike apart from Action; when the first is removed
    /// (all its actions unused), each refined statement must still be paired with the original it came from, so the
    /// reference's sound, no-escalation and complete claims are proved.
    /// </summary>
    [Property(MaxTest = 60, EndSize = 30, Arbitrary = [typeof(GeneratedCases)])]
    public void AlikeStatementsArePairedWithTheOriginalTheyCameFrom(RandomCase c)
    {
        var root = JsonNode.Parse(c.PolicyJson())!.AsObject();
        var statements = root["Statement"] is JsonArray array ? array.Select(s => s!.AsObject()) : [root["Statement"]!.AsObject()];
        foreach (var statement in statements)
        {
            statement.Remove("Sid");
        }
        var policy = PolicyDocument.FromText(root.ToJsonString(), "sidless");
        var catalog = c.ActionCatalog();
        var first = policy.Statements.FirstOrDefault(s => s.IsRefinable);
        var unused = first is null ? c.UnusedSet()
            : new ActionSet(c.Unused.Concat(catalog.Actions.Where(a => first.Actions.Any(p => ActionPattern.Match(p, a))))
                .Distinct().ToList());
        using var solver = new Z3Session();
        var reference = TriePrefixGeneralizer.Reference();
        // Sound, no-escalation and complete: what Lemma 6 claims for any pairing among alike statements. M2 is left out:
        // on a tie it depends on which alike original an entry kept verbatim is paired with (papers/harness.md, Lemma 6).
        var properties = PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete;
        var report = RefineAndProve.Run(reference, policy, catalog, unused, solver, ProofScope.Exactly(properties)).Report;
        Assert.True(report.Proved, ReportWriter.Text(report));
    }

    /// <summary>Composition: a conjunction is refuted by any refutation, else unknown by any unknown, else proved.</summary>
    [Property(MaxTest = 300)]
    public void VerdictsComposeAsAConjunction(Verdict[] verdicts, bool[] claimed, bool structureProblem)
    {
        var expected = verdicts.Contains(Verdict.Refuted) ? Verdict.Refuted
            : verdicts.Contains(Verdict.Unknown) ? Verdict.Unknown : Verdict.Proved;
        Assert.Equal(expected, Verdicts.All(verdicts));
        var properties = verdicts.Take(PropertyKinds.Order.Length).Select((v, i) => new PropertyReport(PropertyKinds.Order[i],
            i < claimed.Length && claimed[i], v, 0, 0, [])).ToList();
        var report = new VerificationReport("p", "s", "z3", "c", structureProblem ? ["changed"] : [], properties);
        var claimedVerdicts = properties.Where(p => p.Claimed).Select(p => p.Verdict).ToList();
        var document = structureProblem || claimedVerdicts.Contains(Verdict.Refuted) ? Verdict.Refuted
            : claimedVerdicts.Contains(Verdict.Unknown) ? Verdict.Unknown : Verdict.Proved;
        Assert.Equal(document, report.Verdict);
    }
}
