using Fare;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// The second decision procedure, of a different kind from Z3: action patterns are regular languages, so a
/// <see cref="Query"/> is decided exactly by finite automata (Fare, a port of dk.brics.automaton). Each pattern becomes
/// a minimal DFA over the alphabet Σ of <see cref="PatternEncoding.Alphabet"/>, built from the same
/// <see cref="PatternEncoding.Atoms"/> the SMT encoding uses (never through Fare's regex parser, whose syntax would
/// need escaping); automata are cached per pattern text.
/// <list type="bullet">
/// <item>finite candidates: each candidate is run through the DFAs of the include and exclude patterns. No union of
/// candidates is built (a union automaton of 3,417 literals took Fare over a minute);</item>
/// <item>all strings: L(∪Include) ∩ ¬L(∪Exclude), minimized; emptiness is <c>BasicOperations.IsEmpty</c> on the
/// minimal DFA (the <c>Automaton.IsEmpty</c> property is a flag, not the answer), and the witness a shortest string,
/// found by a breadth-first search of the DFA, since Fare 2.2.1 has no shortest-example operation.</item>
/// </list>
/// Every witness is replayed through the core matcher before it is returned; one the matcher rejects, or a candidate
/// outside Σ, is Unknown with the reason, never an answer. Not thread-safe (Fare renumbers states of its inputs):
/// one solver per thread.
/// </summary>
public sealed class AutomatonSolver : IQuerySolver
{
    private readonly Dictionary<string, Automaton> _patterns = new(StringComparer.Ordinal);
    private readonly Automaton _anyChar;
    private readonly Automaton _anyString;

    public AutomatonSolver()
    {
        _anyChar = Minimal(BasicOperations.Union(
            PatternEncoding.Alphabet.Select(r => BasicAutomata.MakeCharRange(r.From, r.To)).ToList()));
        _anyString = Minimal(BasicOperations.Repeat(_anyChar));
    }

    public string SolverVersion => "automata (Fare 2.2.1)";

    /// <summary>How many pattern automata are cached (each built once per solver).</summary>
    public int CachedPatterns => _patterns.Count;

    public Answer Decide(Query query)
    {
        if (query.Candidates is { } candidates)
        {
            var outside = candidates.FirstOrDefault(c => c.Any(ch => !PatternEncoding.InAlphabet(ch)));
            if (outside is not null)
            {
                var ch = outside.First(x => !PatternEncoding.InAlphabet(x));
                return Answer.Unknown($"candidate \"{outside}\" holds U+{(int)ch:X4}, outside the alphabet of spec §2");
            }
        }
        var answer = query.Candidates is { } finite ? DecideCandidates(finite, query) : DecideAllStrings(query);
        return answer.Kind == AnswerKind.Sat ? Replay(query, answer.Witness!) : answer;
    }

    private Answer DecideCandidates(IReadOnlyList<string> candidates, Query query)
    {
        var include = query.Include.Select(Pattern).ToArray();
        var exclude = query.Exclude.Select(Pattern).ToArray();
        foreach (var candidate in candidates)
        {
            if (include.Any(a => BasicOperations.Run(a, candidate)) && !exclude.Any(a => BasicOperations.Run(a, candidate)))
            {
                return Answer.Sat(candidate);
            }
        }
        return Answer.Unsat;
    }

    private Answer DecideAllStrings(Query query)
    {
        if (query.Include.Count == 0)
        {
            return Answer.Unsat;
        }
        var language = Union(query.Include);
        if (query.Exclude.Count > 0)
        {
            // ¬ is relative to every char, so the intersection with the include side (over Σ) stays over Σ.
            language = BasicOperations.Intersection(language, BasicOperations.Complement(Union(query.Exclude)));
        }
        language = Minimal(language);
        var witness = ShortestString(language);
        // Two readings of the same minimal DFA must agree: Fare's emptiness test and the search for an accepting state.
        if (BasicOperations.IsEmpty(language) != (witness is null))
        {
            return Answer.Unknown($"engine error: Fare's emptiness test and the search disagree on {query.Name}");
        }
        return witness is null ? Answer.Unsat : Answer.Sat(witness);
    }

    /// <summary>
    /// Counterexample replay (Cedar's discipline): a Sat witness must be in Σ*, in the candidates when the domain is
    /// finite, in some include pattern and in no exclude pattern by the core matcher, or the answer is an engine error.
    /// </summary>
    private static Answer Replay(Query query, string witness)
    {
        var ok = witness.All(PatternEncoding.InAlphabet)
            && (query.Candidates is null || query.Candidates.Contains(witness, StringComparer.Ordinal))
            && query.Include.Any(p => ActionPattern.Match(p, witness))
            && !query.Exclude.Any(p => ActionPattern.Match(p, witness));
        return ok ? Answer.Sat(witness)
            : Answer.Unknown($"engine error: the core matcher rejects the automaton's witness \"{witness}\" for {query.Name}");
    }

    private Automaton Union(IReadOnlyList<string> patterns) =>
        patterns.Count == 1 ? Pattern(patterns[0]) : BasicOperations.Union(patterns.Select(Pattern).ToList());

    /// <summary>The minimal DFA of one pattern, from its atoms (see <see cref="PatternEncoding"/>), built once.</summary>
    private Automaton Pattern(string pattern)
    {
        if (_patterns.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        var parts = PatternEncoding.Atoms(pattern).Select(atom => atom.Kind switch
        {
            PatternEncoding.AtomKind.AnyString => _anyString,
            PatternEncoding.AtomKind.AnyChar => _anyChar,
            PatternEncoding.AtomKind.CaseFoldedLetter => BasicAutomata.MakeCharSet(atom.Text + atom.Text.ToUpperInvariant()),
            // A character outside Σ cannot occur in a string over Σ: such a text denotes no string.
            _ => atom.Text.All(PatternEncoding.InAlphabet) ? BasicAutomata.MakeString(atom.Text) : BasicAutomata.MakeEmpty(),
        }).ToList();
        var automaton = Minimal(parts.Count switch
        {
            0 => BasicAutomata.MakeEmptyString(),
            1 => parts[0].Clone(),
            _ => BasicOperations.Concatenate(parts),
        });
        _patterns[pattern] = automaton;
        return automaton;
    }

    /// <summary>Determinized and minimized, out of singleton form, so that runs are deterministic and emptiness is exact.</summary>
    private static Automaton Minimal(Automaton automaton)
    {
        automaton.ExpandSingleton();
        automaton.Minimize();
        return automaton;
    }

    /// <summary>
    /// A shortest string the DFA accepts (breadth-first over states), or null. Each step takes a readable character of
    /// its transition's range (a letter, a digit, printable ASCII, before anything else); all ranges lie within Σ,
    /// because every accepted path of an include pattern does.
    /// </summary>
    private static string? ShortestString(Automaton automaton)
    {
        var start = automaton.Initial;
        var parent = new Dictionary<State, (State From, char Via)> { [start] = (start, '\0') };
        var queue = new Queue<State>([start]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (state.Accept)
            {
                var chars = new List<char>();
                for (var s = state; s != start; s = parent[s].From)
                {
                    chars.Add(parent[s].Via);
                }
                chars.Reverse();
                return new string(chars.ToArray());
            }
            foreach (var (to, via) in state.Transitions.Select(t => (t.To, Via: Readable(t.Min, t.Max))).OrderBy(t => t.Via.Rank))
            {
                if (!parent.ContainsKey(to))
                {
                    parent[to] = (state, via.Char);
                    queue.Enqueue(to);
                }
            }
        }
        return null;
    }

    private static readonly (char From, char To)[] ReadableRanges = [('a', 'z'), ('A', 'Z'), ('0', '9'), ('!', '~')];

    /// <summary>
    /// The character a witness takes from a range, and its rank: lower-case letters first, then upper case, digits,
    /// punctuation, so that witnesses read like actions.
    /// </summary>
    private static (char Char, int Rank) Readable(char min, char max)
    {
        for (var rank = 0; rank < ReadableRanges.Length; rank++)
        {
            var (from, to) = ReadableRanges[rank];
            var c = min > from ? min : from;
            if (c <= to && c <= max)
            {
                return (c, rank * 0x10000 + c);
            }
        }
        return (min, ReadableRanges.Length * 0x10000 + min);
    }

    public void Dispose()
    {
        // Nothing native: the automata are managed objects.
    }
}
