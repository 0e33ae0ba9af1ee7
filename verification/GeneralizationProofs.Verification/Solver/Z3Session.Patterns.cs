using Microsoft.Z3;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Pattern regexes (<see cref="PatternEncoding"/>) as Z3 terms, in two shapes of one language, each built once per session.
/// <para>For the solver (all-strings queries) a pattern is one n-ary <c>re.++</c>, as it always was (its performance on
/// the corpus' all-strings queries is measured in that shape). For the rewriter (ground memberships, see
/// <c>Z3Session.Membership.cs</c>) it is right-nested binary <c>re.++</c>: the rewriter decides <c>(str.in_re "c" R)</c>
/// by one derivative per character, and the derivative of <c>a·(rest)</c> by a letter is the existing term <c>rest</c>,
/// where an n-ary <c>re.++</c> makes a new concatenation of what is left at every step. Measured on 3,000 case-folded
/// catalog actions against their own literal patterns, in one Z3_simplify each shape: 3.1–3.5 s n-ary, 1.9–2.1 s
/// right-nested (z3 4.8.12, a loaded 2-core machine).</para>
/// </summary>
public sealed partial class Z3Session
{
    private enum Shape { Solver, Ground }

    private readonly Dictionary<string, IntPtr> _patternCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IntPtr> _groundPatternCache = new(StringComparer.Ordinal);

    /// <summary>A letter's two cases, one term per letter for the session (a corpus' patterns repeat 52 of them).</summary>
    private readonly Dictionary<char, IntPtr> _letterCache = [];

    private IntPtr Union(IReadOnlyList<string> patterns, Shape shape) => patterns.Count switch
    {
        0 => Scratch(Native.Z3_mk_re_empty(_ctx, _regexSort)),
        1 => Encode(patterns[0], shape),
        _ => Scratch(Native.Z3_mk_re_union(_ctx, (uint)patterns.Count, patterns.Select(p => Encode(p, shape)).ToArray())),
    };

    private IntPtr Encode(string pattern, Shape shape) => shape == Shape.Ground ? GroundPattern(pattern) : Pattern(pattern);

    /// <summary>The solver's regex of one pattern: one n-ary concatenation.</summary>
    private IntPtr Pattern(string pattern)
    {
        if (_patternCache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        var atoms = Atoms(pattern);
        var regex = atoms.Length switch
        {
            0 => Keep(Native.Z3_mk_seq_to_re(_ctx, Str(""))),
            1 => atoms[0],
            _ => Keep(Native.Z3_mk_re_concat(_ctx, (uint)atoms.Length, atoms)),
        };
        return _patternCache[pattern] = regex;
    }

    /// <summary>The rewriter's regex of one pattern: the same atoms, concatenated right-nested, two at a time.</summary>
    private IntPtr GroundPattern(string pattern)
    {
        if (_groundPatternCache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        var atoms = Atoms(pattern);
        var regex = atoms.Length == 0 ? Keep(Native.Z3_mk_seq_to_re(_ctx, Str(""))) : atoms[^1];
        for (var i = atoms.Length - 2; i >= 0; i--)
        {
            regex = Keep(Native.Z3_mk_re_concat(_ctx, 2, [atoms[i], regex]));
        }
        return _groundPatternCache[pattern] = regex;
    }

    private IntPtr[] Atoms(string pattern) => PatternEncoding.Atoms(pattern).Select(a => a.Kind switch
    {
        PatternEncoding.AtomKind.AnyString => _anyString,
        PatternEncoding.AtomKind.AnyChar => _anyChar,
        PatternEncoding.AtomKind.CaseFoldedLetter => Letter(a.Text[0]),
        _ => Keep(Native.Z3_mk_seq_to_re(_ctx, Str(a.Text))),
    }).ToArray();

    /// <summary>(re.union (str.to_re "a") (str.to_re "A")) for the lower-case letter <paramref name="lower"/>.</summary>
    private IntPtr Letter(char lower)
    {
        if (!_letterCache.TryGetValue(lower, out var letter))
        {
            var cases = new[] { Keep(Native.Z3_mk_seq_to_re(_ctx, Str(lower.ToString()))),
                Keep(Native.Z3_mk_seq_to_re(_ctx, Str(char.ToUpperInvariant(lower).ToString()))) };
            _letterCache[lower] = letter = Keep(Native.Z3_mk_re_union(_ctx, 2, cases));
        }
        return letter;
    }
}
