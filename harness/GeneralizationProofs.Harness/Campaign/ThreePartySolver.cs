using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// The three parties of the <c>differential</c> property on every obligation the verifier poses: each query goes to
/// Z3, to the automata and to the core matcher, and every difference is recorded. The matcher decides a finite query
/// exactly; over all strings it tries strings built from the include patterns, and a witness it finds there must be
/// matched by a Sat of both engines. Every Sat witness is replayed (<see cref="WitnessCheck"/>). The answer handed
/// back to the verifier is the engines' common one, Unknown otherwise, so the proof goes on to its other obligations.
/// </summary>
public sealed class ThreePartySolver(Z3Session z3, AutomatonSolver automata) : IQuerySolver
{
    public List<string> Disagreements { get; } = [];
    public List<string> Unknowns { get; } = [];
    public int Obligations { get; private set; }

    public string SolverVersion => $"{z3.SolverVersion} + {automata.SolverVersion} + the core matcher";

    public Answer Decide(Query query)
    {
        Obligations++;
        var z = z3.Decide(query);
        var a = automata.Decide(query);
        if (z.Kind == AnswerKind.Unknown || a.Kind == AnswerKind.Unknown)
        {
            Unknowns.Add($"{query.Name}: z3 {z.Kind} {z.Reason}, automata {a.Kind} {a.Reason}");
            return Answer.Unknown("an engine did not answer");
        }
        var matcher = MatcherWitness(query);
        var problems = new List<string>();
        if (z.Kind != a.Kind)
        {
            problems.Add($"z3 {Show(z)}, automata {Show(a)}");
        }
        if (matcher is not null && a.Kind == AnswerKind.Unsat)
        {
            problems.Add($"the matcher finds \"{matcher}\", automata unsat");
        }
        if (matcher is not null && z.Kind == AnswerKind.Unsat)
        {
            problems.Add($"the matcher finds \"{matcher}\", z3 unsat");
        }
        if (query.Candidates is not null && matcher is null && a.Kind == AnswerKind.Sat)
        {
            problems.Add($"the matcher finds no candidate, automata {Show(a)}");
        }
        foreach (var (engine, answer) in new[] { ("z3", z), ("automata", a) })
        {
            // Z3's re.allchar is not yet narrowed to Σ (another branch aligns it): a Z3 witness outside Σ is allowed.
            if (answer.Kind == AnswerKind.Sat && (engine == "automata" || WitnessCheck.InAlphabet(answer.Witness!))
                && WitnessCheck.Problem(query, answer.Witness!) is { } problem)
            {
                problems.Add($"{engine}'s witness fails replay: {problem}");
            }
        }
        if (problems.Count > 0)
        {
            Disagreements.Add($"{query.Name} ({Describe(query)}): {string.Join("; ", problems)}");
            return Answer.Unknown("the parties disagree");
        }
        return z;
    }

    private static string Show(Answer answer) => answer.Kind == AnswerKind.Sat ? $"sat (\"{answer.Witness}\")" : "unsat";

    private static string Describe(Query q) =>
        $"[{string.Join(", ", q.Include.Take(6))}] minus [{string.Join(", ", q.Exclude.Take(6))}]"
        + (q.Candidates is { } c ? $" over {c.Count} candidates" : " over all strings");

    /// <summary>The matcher's witness: a candidate (finite domain, exact), or a string built from an include pattern.</summary>
    private static string? MatcherWitness(Query query)
    {
        var strings = query.Candidates ?? query.Include.SelectMany(Instances).Distinct(StringComparer.Ordinal).ToList();
        return strings.FirstOrDefault(s =>
            query.Include.Any(p => ActionPattern.Match(p, s)) && !query.Exclude.Any(p => ActionPattern.Match(p, s)));
    }

    /// <summary>A few strings a pattern matches: each * empty or filled, each ? one character, in both cases.</summary>
    private static IEnumerable<string> Instances(string pattern)
    {
        foreach (var (star, any) in new[] { ("", "a"), ("x", "Q"), ("Zz9:", "-"), ("*?", "?") })
        {
            var s = string.Concat(pattern.Select(ch => ch switch { '*' => star, '?' => any, _ => ch.ToString() }));
            yield return s;
            yield return s.ToUpperInvariant();
        }
    }

    /// <summary>Nothing to free: the engines belong to the caller (<see cref="CaseProperties"/>).</summary>
    public void Dispose()
    {
    }
}
