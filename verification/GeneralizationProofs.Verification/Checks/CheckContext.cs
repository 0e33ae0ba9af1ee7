using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// What every check needs: the catalog, the unused set, the strategy (for M1's granularity), the solver, and an
/// optional folder to write each query as SMT-LIB2. <see cref="Ask"/> is the only way checks reach the solver, and
/// every answer it returns has been replayed through the core matcher (<see cref="WitnessReplay"/>).
/// </summary>
public sealed class CheckContext(ActionCatalog catalog, ActionSet unused, IPolicyStrategy strategy, IQuerySolver solver,
    string? smtOut = null)
{
    // The file is written after the answer: it carries the agreed status, and the manifest each engine's answer.
    private readonly SmtExport? _export = smtOut is null ? null : new SmtExport(smtOut, solver.SolverVersion);

    public ActionCatalog Catalog => catalog;
    public ActionSet Unused => unused;
    public IPolicyStrategy Strategy => strategy;
    public string SolverVersion => solver.SolverVersion;

    public Answer Ask(Query query)
    {
        var answer = WitnessReplay.Check(query, solver.Decide(query));
        _export?.Write(query, answer);
        return answer;
    }

    /// <summary>
    /// The queries' answers, as <see cref="Ask"/> would give them one by one, asked of the engines as one batch: a check
    /// with many small finite queries (one per refined pattern, per group of kept actions) pays the solver's per-call
    /// cost once, not per query. The caller reads the answers in order and stops where <see cref="Ask"/> would have.
    /// </summary>
    /// <param name="stops">where the caller stops reading (default: the first answer that is not Unsat); only the
    /// queries up to there are written to <c>--smt-out</c>, as when they were asked one by one.</param>
    public IReadOnlyList<Answer> AskAll(IReadOnlyList<Query> queries, Func<Answer, bool>? stops = null)
    {
        if (queries.Count == 0)
        {
            return [];
        }
        var answers = solver.DecideAll(queries).Select((answer, i) => WitnessReplay.Check(queries[i], answer)).ToList();
        if (_export is not null)
        {
            stops ??= a => a.Kind != AnswerKind.Unsat;
            for (var i = 0; i < queries.Count; i++)
            {
                _export.Write(queries[i], answers[i]);
                if (stops(answers[i]))
                {
                    break;
                }
            }
        }
        return answers;
    }

    /// <summary>
    /// A finite query asked candidate by candidate with only the patterns that could match that candidate (the prefix
    /// lemma: a pattern can match a string only if its literal prefix is a folded prefix of it), so each membership
    /// term is small; candidates that keep the same patterns share one query. The answer is the one big query's, without
    /// the rewriter deriving the complemented union of every pattern for every candidate (60 candidates against 82
    /// literals took 3 s that way).
    /// </summary>
    public Answer AskNarrowed(
        string name, IReadOnlyList<string> candidates, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        AskNarrowed(name, candidates, include, exclude, out _);

    /// <param name="queries">how many queries were asked (one per group of candidates that keep the same patterns).</param>
    public Answer AskNarrowed(
        string name, IReadOnlyList<string> candidates, IReadOnlyList<string> include, IReadOnlyList<string> exclude, out int queries)
    {
        var includeIndex = new PatternIndex(include);
        var excludeIndex = new PatternIndex(exclude);
        var groups = new Dictionary<string, (List<string> Candidates, List<string> Include, List<string> Exclude)>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var including = includeIndex.Compatible(candidate);
            if (including.Count == 0)
            {
                continue; // no pattern of the include side can match it: not a member, nothing to ask
            }
            var excluding = excludeIndex.Compatible(candidate);
            var key = string.Join('\n', including) + "\n\n" + string.Join('\n', excluding);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = ([], including, excluding);
            }
            group.Candidates.Add(candidate);
        }
        var asked = groups.Values.Select((group, i) => Query.OverCandidates(groups.Count == 1 ? name : $"{name} part {i + 1}",
            group.Candidates, group.Include, group.Exclude)).ToList();
        var answers = AskAll(asked);
        queries = 0;
        foreach (var answer in answers)
        {
            queries++;
            if (answer.Kind != AnswerKind.Unsat)
            {
                return answer;
            }
        }
        return Answer.Unsat;
    }

    /// <summary>
    /// The catalog actions that some pattern could match: those that start with a pattern's literal prefix
    /// (case-folded). This is the prefix lemma at work: every string a pattern matches starts with its literal prefix,
    /// so nothing this drops could be a member. It narrows the finite queries; <see cref="PatternIndex"/> is its twin.
    /// </summary>
    public static List<string> Candidates(ActionCatalog catalog, IEnumerable<string> patterns)
    {
        var result = new List<string>();
        foreach (var prefix in LiteralPrefixesWithoutExtensions(patterns))
        {
            result.AddRange(catalog.WithPrefix(prefix).ToArray());
        }
        return result;
    }

    /// <summary>The literal prefixes, minus any that a shorter one already starts (their ranges would repeat).</summary>
    private static List<string> LiteralPrefixesWithoutExtensions(IEnumerable<string> patterns)
    {
        var prefixes = patterns.Select(p => new ActionPattern(p).LiteralPrefix).Distinct(AsciiCase.EqualityComparer)
            .Order(AsciiCase.Comparer).ToList();
        var result = new List<string>();
        foreach (var prefix in prefixes)
        {
            if (result.Count == 0 || !AsciiCase.StartsWith(prefix, result[^1]))
            {
                result.Add(prefix);
            }
        }
        return result;
    }
}
