using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>A concrete string that breaks a property, with the patterns involved on each side.</summary>
public sealed record Counterexample(
    string Action, IReadOnlyList<string> RefinedPatterns, IReadOnlyList<string> OriginalPatterns, string Explanation);

/// <summary>One property's outcome on one statement. Evidence holds M1 witnesses, M2 witnesses and M3's certificate.</summary>
public sealed record PropertyOutcome(
    PropertyKind Property,
    string Statement,
    Verdict Verdict,
    int Queries,
    Counterexample? Counterexample = null,
    IReadOnlyList<string>? Evidence = null,
    string? Reason = null);

/// <summary>One Allow statement's obligation: the original patterns P and the refined patterns R.</summary>
public sealed record StatementCase(string Label, IReadOnlyList<string> Original, IReadOnlyList<string> Refined)
{
    /// <summary>
    /// Per position of <see cref="Refined"/>: whether the strategy emitted it, or it is an original entry come through
    /// verbatim (equal up to ASCII case). Counted as multisets: each original entry excuses one refined copy, so a
    /// second copy of a verbatim entry is emitted and judged (a duplicate is redundant, spec §4), not hidden by its twin.
    /// </summary>
    public IReadOnlyList<bool> IsEmitted { get; } = EmittedPositions(Refined, Original);

    /// <summary>The emitted refined patterns, in order (M1, M2 and M3 judge these).</summary>
    public IReadOnlyList<string> Emitted => Refined.Where((_, i) => IsEmitted[i]).ToList();

    // A dictionary of counts, not a scan per pattern: ReadOnlyAccess has 4,011 refined patterns against 2,677 originals.
    private static bool[] EmittedPositions(IReadOnlyList<string> refined, IReadOnlyList<string> original)
    {
        var verbatim = new Dictionary<string, int>(AsciiCase.EqualityComparer);
        foreach (var pattern in original)
        {
            verbatim[pattern] = verbatim.GetValueOrDefault(pattern) + 1;
        }
        var emitted = new bool[refined.Count];
        for (var i = 0; i < refined.Count; i++)
        {
            if (verbatim.GetValueOrDefault(refined[i]) is var left and > 0)
            {
                verbatim[refined[i]] = left - 1;
            }
            else
            {
                emitted[i] = true;
            }
        }
        return emitted;
    }
}

/// <summary>
/// What every check needs: the catalog, the unused set, the strategy (for M1's granularity), the solver, and an
/// optional folder to write each query as SMT-LIB2. <see cref="Ask"/> is the only way checks reach the solver, and
/// every answer it returns has been replayed through the core matcher (<see cref="WitnessReplay"/>).
/// </summary>
public sealed class CheckContext(ActionCatalog catalog, ActionSet unused, IPolicyStrategy strategy, IQuerySolver solver, string? smtOut = null)
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
        queries = 0;
        foreach (var group in groups.Values)
        {
            queries++;
            var part = groups.Count == 1 ? name : $"{name} part {queries}";
            var answer = Ask(Query.OverCandidates(part, group.Candidates, group.Include, group.Exclude));
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

/// <summary>
/// Patterns indexed by folded literal prefix, answering "which patterns could match a string that starts with s":
/// those whose literal prefix is a prefix of s, and those whose literal prefix extends s (see
/// <see cref="ActionPattern.PrefixesCompatible"/>). Leaving out the others is what keeps each query small.
/// </summary>
public sealed class PatternIndex
{
    private readonly Dictionary<string, List<string>> _byPrefix = new(StringComparer.Ordinal);
    private readonly string[] _sortedPrefixes;

    public PatternIndex(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var key = AsciiCase.Fold(new ActionPattern(pattern).LiteralPrefix);
            if (!_byPrefix.TryGetValue(key, out var list))
            {
                _byPrefix[key] = list = [];
            }
            list.Add(pattern);
        }
        _sortedPrefixes = _byPrefix.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public List<string> Compatible(string prefix)
    {
        var folded = AsciiCase.Fold(prefix);
        var result = new List<string>();
        for (var length = 0; length <= folded.Length; length++)
        {
            if (_byPrefix.TryGetValue(folded[..length], out var shorter))
            {
                result.AddRange(shorter);
            }
        }
        foreach (var longer in ActionCatalog.Narrow(_sortedPrefixes, folded))
        {
            if (longer.Length > folded.Length)
            {
                result.AddRange(_byPrefix[longer]);
            }
        }
        return result;
    }
}

/// <summary>The kept actions K = (C ∩ L(P)) \ U of a statement, computed by the matcher and confirmed by the solver.</summary>
public static class KeptActions
{
    public static (ActionSet? Kept, PropertyOutcome? Failure) Compute(StatementCase statement, CheckContext context, PropertyKind property)
    {
        var candidates = CheckContext.Candidates(context.Catalog, statement.Original);
        var kept = candidates.Where(a => !context.Unused.Contains(a) && statement.Original.Any(p => ActionPattern.Match(p, a))).ToList();
        var keptSet = new ActionSet(kept);
        // Confirm with the encoding: every kept action is in L(P), and no other candidate outside U is.
        var inP = context.AskNarrowed($"kept-in-original {statement.Label}", kept, ["*"], statement.Original);
        var others = candidates.Where(a => !keptSet.Contains(a) && !context.Unused.Contains(a)).ToList();
        var missed = context.AskNarrowed($"kept-complete {statement.Label}", others, statement.Original, []);
        if (inP.Kind == AnswerKind.Unsat && missed.Kind == AnswerKind.Unsat)
        {
            return (keptSet, null);
        }
        var reason = inP.Kind == AnswerKind.Sat || missed.Kind == AnswerKind.Sat
            ? $"the matcher and the SMT encoding disagree on {inP.Witness ?? missed.Witness}"
            : inP.Reason ?? missed.Reason;
        return (null, new PropertyOutcome(property, statement.Label, Verdict.Unknown, 2, Reason: reason));
    }
}
