using Fare;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// The second decision procedure, of a different kind from Z3: action patterns are regular languages, so a
/// <see cref="Query"/> is decided exactly by finite automata (Fare, a port of dk.brics.automaton). Each pattern becomes
/// a DFA over the alphabet Σ of <see cref="PatternEncoding.Alphabet"/>, built from the same
/// <see cref="PatternEncoding.Atoms"/> the SMT encoding uses (never through Fare's regex parser, whose syntax would
/// need escaping); automata are cached per pattern text.
/// <list type="bullet">
/// <item>finite candidates: each candidate is run through the DFAs of the include and exclude patterns. No union of
/// candidates is built (a union automaton of 3,417 literals took Fare over a minute);</item>
/// <item>all strings: Fare's union, complement and product give L(∪Include) ∩ ¬L(∪Exclude); emptiness is
/// <c>BasicOperations.IsEmpty</c> once dead transitions are removed (the <c>Automaton.IsEmpty</c> property is a flag,
/// not the answer), confirmed by a breadth-first search that also yields the witness, a shortest string (Fare 2.2.1
/// has no shortest-example operation). Nothing is minimized: neither answer needs it, and Hopcroft's algorithm was
/// three quarters of Fare's time.</item>
/// </list>
/// Every witness is replayed through the core matcher before it is returned; one the matcher rejects, or a candidate
/// outside Σ, is Unknown with the reason, never an answer. Not thread-safe (Fare renumbers states of its inputs):
/// one solver per thread.
/// </summary>
public sealed class AutomatonSolver : IQuerySolver
{
    private readonly Dictionary<string, Automaton> _patterns = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<(char From, char To)> _alphabet;

    public AutomatonSolver()
        : this(PatternEncoding.Alphabet, $"automata (Fare {FareVersion()})")
    {
    }

    /// <summary>
    /// Automata over another alphabet than Σ: a wrong engine on purpose, reachable only from the tests (internal), so
    /// that <c>--engine both</c> and the differential campaign are shown to catch a real engine computing a wrong
    /// answer, as the strategy mutants show the checks catch a wrong refinement.
    /// </summary>
    internal AutomatonSolver(IReadOnlyList<(char From, char To)> alphabet, string version)
    {
        _alphabet = alphabet;
        SolverVersion = version;
    }

    /// <summary>
    /// The broken configuration the tests plant: automata over printable ASCII only (U+0020-U+007E), the alphabet
    /// before spec §2 took in tab, LF, CR and Latin-1. For it a pattern holding <c>é</c> denotes no string, while Z3,
    /// over Σ, finds one: a real wrong answer of a real engine.
    /// </summary>
    internal static AutomatonSolver OverPrintableAsciiOnly() =>
        new([(' ', '~')], "automata over printable ASCII only (broken on purpose)");

    /// <summary>For Σ, read from the loaded Fare assembly (its product version), so reports name the library that ran.</summary>
    public string SolverVersion { get; }

    private static string FareVersion()
    {
        var assembly = typeof(Automaton).Assembly;
        var informational = System.Reflection.CustomAttributeExtensions
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        // The file version from its attribute, not from the file: a Native AOT binary has no assembly file to read.
        return informational
            ?? System.Reflection.CustomAttributeExtensions
                .GetCustomAttribute<System.Reflection.AssemblyFileVersionAttribute>(assembly)?.Version
            ?? assembly.GetName().Version?.ToString() ?? "unknown version";
    }

    /// <summary>How many pattern automata are cached (each built once per solver).</summary>
    public int CachedPatterns => _patterns.Count;

    public Answer Decide(Query query)
    {
        if (query.Candidates is { } candidates)
        {
            var outside = candidates.FirstOrDefault(c => c.Any(ch => !InAlphabet(ch)));
            if (outside is not null)
            {
                var ch = outside.First(x => !InAlphabet(x));
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
        // Fare's emptiness test reads only the initial state, exact once transitions to dead states are gone.
        language.RemoveDeadTransitions();
        var witness = ShortestString(language);
        // Two readings of the same automaton must agree: Fare's emptiness test and the search for an accepting state.
        if (BasicOperations.IsEmpty(language) != (witness is null))
        {
            return Answer.Unknown($"engine error: Fare's emptiness test and the search disagree on {query.Name}");
        }
        return witness is null ? Answer.Unsat : Answer.Sat(witness);
    }

    /// <summary>Counterexample replay through the shared <see cref="WitnessCheck"/>: a witness it rejects is an engine error.</summary>
    private static Answer Replay(Query query, string witness) =>
        WitnessCheck.Problem(query, witness) is { } problem
            ? Answer.Unknown($"engine error: the automaton's witness fails replay for {query.Name}: {problem}")
            : Answer.Sat(witness);

    /// <summary>A new automaton (never a cached one, which the caller may change) for the union of the patterns.</summary>
    private Automaton Union(IReadOnlyList<string> patterns) =>
        patterns.Count == 1 ? Pattern(patterns[0]).Clone() : BasicOperations.Union(patterns.Select(Pattern).ToList());

    /// <summary>
    /// The DFA of one pattern, built once from its atoms (see <see cref="PatternEncoding"/>) with Fare's states and
    /// transitions: a chain with one step per character the pattern consumes (a Σ step for <c>?</c>, both cases for a
    /// letter, the character itself in a text) and a Σ self-loop where a <c>*</c> stands. That is the glob's automaton
    /// as it is; when a <c>*</c> is followed by more steps it is nondeterministic, and Fare determinizes it. Built
    /// through Fare's <c>Concatenate</c> of per-atom automata and minimized instead, a pattern took 2.9 ms, 28 s for
    /// the 9,750 patterns of the whole-catalog case; the chain takes microseconds.
    /// </summary>
    private Automaton Pattern(string pattern)
    {
        if (_patterns.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        var initial = new State();
        var state = initial;
        var selfLoop = false;
        var deterministic = true;
        void Step(IEnumerable<(char From, char To)> ranges)
        {
            var next = new State();
            foreach (var (from, to) in ranges)
            {
                state.Transitions.Add(new Transition(from, to, next));
            }
            // Leaving a state that loops on Σ: the next character may take the loop or the step.
            deterministic &= !selfLoop;
            selfLoop = false;
            state = next;
        }
        foreach (var atom in PatternEncoding.Atoms(pattern))
        {
            switch (atom.Kind)
            {
                case PatternEncoding.AtomKind.AnyString:
                    foreach (var (from, to) in _alphabet)
                    {
                        state.Transitions.Add(new Transition(from, to, state));
                    }
                    selfLoop = true;
                    break;
                case PatternEncoding.AtomKind.AnyChar:
                    Step(_alphabet);
                    break;
                case PatternEncoding.AtomKind.CaseFoldedLetter:
                    Step([(atom.Text[0], atom.Text[0]), (char.ToUpperInvariant(atom.Text[0]), char.ToUpperInvariant(atom.Text[0]))]);
                    break;
                default:
                    foreach (var c in atom.Text)
                    {
                        Step([(c, c)]);
                    }
                    break;
            }
        }
        state.Accept = true;
        var automaton = new Automaton { Initial = initial, IsDeterministic = deterministic };
        // A character outside Σ cannot occur in a string over Σ: such a pattern denotes no string.
        if (!pattern.All(InAlphabet))
        {
            automaton = BasicAutomata.MakeEmpty();
        }
        else if (!deterministic)
        {
            automaton.Determinize();
        }
        _patterns[pattern] = automaton;
        return automaton;
    }

    private bool InAlphabet(char c) => _alphabet.Any(r => c >= r.From && c <= r.To);

    /// <summary>
    /// A shortest string the automaton accepts (breadth-first over states, so an NFA does too), or null. Each step
    /// takes a readable character of its transition's range (a letter, a digit, printable ASCII, before anything else);
    /// all ranges lie within Σ, because every accepted path of an include pattern does.
    /// </summary>
    private static string? ShortestString(Automaton automaton)
    {
        var start = automaton.Initial;
        // By reference: Fare's State hashes its mutable Accept flag and number.
        var parent = new Dictionary<State, (State From, char Via)>(ReferenceEqualityComparer.Instance) { [start] = (start, '\0') };
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
