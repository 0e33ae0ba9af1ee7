using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// The properties every strategy is checked against on random cases (issue 4). "claims" asks the verifier with the
/// chosen engine (<paramref name="solver"/>); "differential" pits three parties against each other, the core matcher,
/// Z3 and the automata (issue 13), each engine its own instance; the metamorphic ones compare refinements of
/// related inputs by the catalog actions they grant (computed by the matcher, which the differential property ties
/// to the encodings). "json-reader" feeds the readers malformed text.
/// </summary>
public sealed class CaseProperties(IQuerySolver solver) : IDisposable
{
    // Created on first use and kept for the campaign: a Z3 context per case would cost more than the case.
    private Z3Session? _z3;
    private AutomatonSolver? _automata;

    public static readonly string[] Names = ["claims", "differential", "empty-unused", "monotone", "idempotent", "order-and-case",
        "json-reader"];

    /// <remarks>A strategy that fails to answer (an external process) leaves the case unknown: never held, never refuted.</remarks>
    public CaseResult Check(string property, IPolicyStrategy strategy, RandomCase c, int seed)
    {
        try
        {
            return CheckOnce(property, strategy, c, seed);
        }
        catch (StrategyFailedException e)
        {
            return CaseResult.Unknown(e.Message);
        }
    }

    private CaseResult CheckOnce(string property, IPolicyStrategy strategy, RandomCase c, int seed) => property switch
    {
        "claims" => Claims(strategy, c),
        "differential" => Differential(strategy, c, seed),
        "empty-unused" => EmptyUnused(strategy, c),
        "monotone" => Monotone(strategy, c, seed),
        "idempotent" => Idempotent(strategy, c),
        "order-and-case" => OrderAndCase(strategy, c, seed),
        "json-reader" => JsonReader(c, seed),
        _ => throw new ArgumentException($"unknown property {property}", nameof(property)),
    };

    private static PolicyRefinement Refine(IPolicyStrategy strategy, ActionCatalog catalog, PolicyDocument policy, ActionSet unused) =>
        strategy.Refine(policy, new GeneralizationContext(catalog, unused));

    /// <summary>The strategy's claimed properties, proved by the verifier.</summary>
    public CaseResult Claims(IPolicyStrategy strategy, RandomCase c)
    {
        var catalog = c.ActionCatalog();
        var policy = c.Policy();
        var unused = c.UnusedSet();
        var report = RefineAndProve.Run(strategy, policy, catalog, unused, solver, ProofScope.ClaimsOf(strategy)).Report;
        return report.Verdict switch
        {
            Verdict.Proved => CaseResult.Holds,
            Verdict.Refuted => CaseResult.Fails(Failure(report)),
            _ => CaseResult.Unknown(Failure(report)),
        };
    }

    private static string Failure(VerificationReport report)
    {
        var lines = ReportWriter.Text(report, withEvidence: false).Split('\n')
            .Where(l => l.StartsWith("COUNTEREXAMPLE") || l.StartsWith("    ") || l.StartsWith("UNKNOWN") || l.StartsWith("STRUCTURE"));
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Three parties, two checks. First, for every pattern of the input and the output, each engine's membership
    /// agrees with the matcher's on the catalog, case variants of it and strings built from the patterns (two queries
    /// per pattern and engine: no non-member is in the language, and every member is). Then every obligation the
    /// verifier poses for the case (all six properties) goes to Z3, the automata and the matcher
    /// (<see cref="ThreePartySolver"/>): any difference fails the property.
    /// </summary>
    public CaseResult Differential(IPolicyStrategy strategy, RandomCase c, int seed)
    {
        _z3 ??= new Z3Session();
        _automata ??= new AutomatonSolver();
        var random = new Random(seed);
        var refined = Refine(strategy, c.ActionCatalog(), c.Policy(), c.UnusedSet());
        var patterns = c.Statements.SelectMany(s => s.Actions).Concat(refined.Statements.SelectMany(s => s.RefinedActions))
            .Distinct(StringComparer.Ordinal).ToList();
        var strings = c.Catalog.Concat(c.Catalog.Select(a => CaseGenerators.CaseVariant(random, a)))
            .Concat(patterns.Select(p => Instance(random, p))).Concat(["", ":", "s3:", "é:É", "s3:GetObjectß"])
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var pattern in patterns)
        {
            var members = strings.Where(s => ActionPattern.Match(pattern, s)).ToList();
            var others = strings.Where(s => !ActionPattern.Match(pattern, s)).ToList();
            foreach (var (engine, name) in new (IQuerySolver, string)[] { (_z3, "Z3"), (_automata, "the automata") })
            {
                var extra = engine.Decide(Query.OverCandidates($"differential {pattern}", others, [pattern], []));
                var missing = engine.Decide(Query.OverCandidates($"differential {pattern}", members, ["*"], [pattern]));
                foreach (var (answer, says) in new[] { (extra, "is in"), (missing, "is not in") })
                {
                    switch (answer.Kind)
                    {
                        case AnswerKind.Sat:
                            return CaseResult.Fails($"\"{answer.Witness}\" {says} {pattern} for {name}, but the matcher says the opposite");
                        case AnswerKind.Unknown:
                            return CaseResult.Unknown($"{name}: {answer.Reason}");
                    }
                }
            }
        }
        return Obligations(strategy, c);
    }

    /// <summary>Every obligation of the case's proof (claims and measurements) asked of all three parties.</summary>
    private CaseResult Obligations(IPolicyStrategy strategy, RandomCase c)
    {
        var parties = new ThreePartySolver(_z3!, _automata!);
        RefineAndProve.Run(strategy, c.Policy(), c.ActionCatalog(), c.UnusedSet(), parties, ProofScope.Exactly(PropertyKind.All));
        if (parties.Disagreements.Count > 0)
        {
            return CaseResult.Fails($"the parties disagree on {parties.Disagreements.Count} of {parties.Obligations} obligations:\n"
                + string.Join("\n", parties.Disagreements.Take(5)));
        }
        return parties.Unknowns.Count > 0 ? CaseResult.Unknown(string.Join("\n", parties.Unknowns.Take(5))) : CaseResult.Holds;
    }

    public void Dispose()
    {
        _z3?.Dispose();
        _automata?.Dispose();
    }

    /// <summary>A string the pattern matches: each * filled with a few characters, each ? with one.</summary>
    private static string Instance(Random random, string pattern) =>
        string.Concat(pattern.Select(ch => ch switch
        {
            '*' => new string(Enumerable.Range(0, random.Next(3)).Select(_ => "aZ:9*-"[random.Next(6)]).ToArray()),
            '?' => "xQ:?"[random.Next(4)].ToString(),
            _ => ch.ToString(),
        }));

    /// <summary>The catalog actions each refinable statement of a refined policy grants, in statement order.</summary>
    private static List<HashSet<string>> GrantedPerStatement(PolicyRefinement refinement, ActionCatalog catalog) =>
        refinement.Statements.Where(s => s.Original.IsRefinable).Select(s => Granted(s.RefinedActions, catalog)).ToList();

    private static HashSet<string> Granted(IReadOnlyList<string> patterns, ActionCatalog catalog) =>
        catalog.Granted(patterns).ToHashSet(StringComparer.Ordinal);

    private static string Describe(IEnumerable<string> actions) => string.Join(", ", actions.Take(6));

    /// <summary>With nothing unused, every statement grants exactly the catalog actions it granted before.</summary>
    public CaseResult EmptyUnused(IPolicyStrategy strategy, RandomCase c)
    {
        var catalog = c.ActionCatalog();
        var policy = c.Policy();
        var refined = GrantedPerStatement(Refine(strategy, catalog, policy, ActionSet.None), catalog);
        var before = policy.Statements.Where(s => s.IsRefinable).Select(s => Granted(s.Actions, catalog)).ToList();
        for (var i = 0; i < before.Count; i++)
        {
            if (!before[i].SetEquals(refined[i]))
            {
                return CaseResult.Fails($"with no unused action, statement {i} lost [{Describe(before[i].Except(refined[i]))}] "
                    + $"and gained [{Describe(refined[i].Except(before[i]))}]");
            }
        }
        return CaseResult.Holds;
    }

    /// <summary>Marking more actions unused never makes a statement grant more.</summary>
    public CaseResult Monotone(IPolicyStrategy strategy, RandomCase c, int seed)
    {
        var random = new Random(seed);
        var catalog = c.ActionCatalog();
        var policy = c.Policy();
        var more = new ActionSet(c.Unused.Concat(c.Catalog.Where(_ => random.Next(3) == 0)));
        var fewer = GrantedPerStatement(Refine(strategy, catalog, policy, c.UnusedSet()), catalog);
        var moreUnused = GrantedPerStatement(Refine(strategy, catalog, policy, more), catalog);
        for (var i = 0; i < fewer.Count; i++)
        {
            if (!moreUnused[i].IsSubsetOf(fewer[i]))
            {
                return CaseResult.Fails($"with more unused [{Describe(more.Actions.Except(c.Unused))}], "
                    + $"statement {i} grants more: [{Describe(moreUnused[i].Except(fewer[i]))}]");
            }
        }
        return CaseResult.Holds;
    }

    /// <summary>Refining the output again with the same unused actions changes nothing.</summary>
    public CaseResult Idempotent(IPolicyStrategy strategy, RandomCase c)
    {
        var catalog = c.ActionCatalog();
        var unused = c.UnusedSet();
        var once = Refine(strategy, catalog, c.Policy(), unused);
        var onceText = PolicyDocument.Write(once.Refined);
        var twice = PolicyDocument.Write(Refine(strategy, catalog, PolicyDocument.FromText(onceText, "refined-once"), unused).Refined);
        return onceText == twice ? CaseResult.Holds : CaseResult.Fails($"refining twice differs:\n{onceText}---\n{twice}");
    }

    /// <summary>Reversing the statements and changing the letter case of every entry leaves each statement's catalog language
    /// alone.</summary>
    public CaseResult OrderAndCase(IPolicyStrategy strategy, RandomCase c, int seed)
    {
        var random = new Random(seed);
        var catalog = c.ActionCatalog();
        var unused = c.UnusedSet();
        var variant = c with
        {
            Statements = c.Statements.Reverse()
                .Select(s => s with { Actions = s.Actions.Select(a => CaseGenerators.CaseVariant(random, a)).ToList() }).ToList(),
        };
        var original = GrantedPerStatement(Refine(strategy, catalog, c.Policy(), unused), catalog);
        var changed = GrantedPerStatement(Refine(strategy, catalog, variant.Policy(), unused), catalog);
        changed.Reverse();
        for (var i = 0; i < original.Count; i++)
        {
            if (!original[i].SetEquals(changed[i]))
            {
                return CaseResult.Fails($"reordered and re-cased, statement {i} grants [{Describe(changed[i].Except(original[i]))}] "
                    + $"more and [{Describe(original[i].Except(changed[i]))}] less");
            }
        }
        return CaseResult.Holds;
    }

    /// <summary>The policy, unused and catalog readers throw only <see cref="InputException"/> on malformed text.</summary>
    public static CaseResult JsonReader(RandomCase c, int seed)
    {
        var random = new Random(seed);
        var catalog = c.ActionCatalog();
        var unusedJson = $"[{{\"serviceNamespace\": \"{c.Catalog[0].Split(':')[0]}\", \"actions\": [\"{c.Catalog[0].Split(':')[1]}\"]}}]";
        var catalogJson = $"{{\"services\": {{\"{c.Catalog[0].Split(':')[0]}\": [\"{c.Catalog[0].Split(':')[1]}\"]}}}}";
        (string Name, string Valid, Action<string> Read)[] readers =
        [
            ("policy", c.PolicyJson(), text => PolicyDocument.FromText(text, "malformed.json")),
            ("unused", unusedJson, text => UnusedActions.Read(JsonInput.Parse(text, "malformed.json"), "malformed.json", catalog, false,
                out _)),
            ("catalog", catalogJson, text => ActionCatalog.Parse(JsonInput.Parse(text, "malformed.json"), "malformed.json")),
        ];
        for (var i = 0; i < 12; i++)
        {
            var (name, valid, read) = readers[i % readers.Length];
            var text = CaseGenerators.Malformed(random, valid);
            try
            {
                read(text);
            }
            catch (InputException e) when (e.Message.Contains("malformed.json"))
            {
            }
            catch (Exception e)
            {
                return CaseResult.Fails($"the {name} reader threw {e.GetType().Name} ({e.Message}) on:\n{text}");
            }
        }
        return CaseResult.Holds;
    }
}
