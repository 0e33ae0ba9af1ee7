using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// How an action pattern becomes a regular expression, independent of who builds it (Z3 terms, SMT-LIB2 text or automata):
/// <c>?</c> → Σ, one character of the alphabet; <c>*</c> → <c>re.all</c>; an ASCII letter → the union of its two cases
/// (IAM folds case; only ASCII letters fold, as in the core matcher); a run of other characters → that string.
/// <para>Σ is the alphabet of spec §2, the characters policy text may hold: tab, LF, CR and U+0020–U+00FF
/// (<see cref="ActionPattern.InAlphabet"/>). Every query's domain is over Σ: an all-strings query asks for x in
/// Σ* ∩ R, a finite one drops candidates outside Σ* (none from a valid catalog). Within Σ*, <c>re.all</c> is exactly
/// Σ*, so a pattern means what the matcher says: <c>?</c> one character of Σ (not a Z3 code point up to U+2FFFF, nor a
/// UTF-16 unit), <c>*</c> a run of them, and a pattern holding a character outside Σ nothing. Why <c>re.all</c> and one
/// Σ* at the top rather than <c>(re.* Σ)</c> for every <c>*</c>: the same answers, but on 162 AWS managed policies
/// (every tenth, reference strategy) Z3 4.8.12 spent 67 s of CPU with <c>(re.* Σ)</c> against 22–25 s this way
/// (19–27 s before the alphabet was pinned), and cvc5 took 13 s instead of 0.1 s on one exported query.</para>
/// </summary>
public static class PatternEncoding
{
    /// <summary>Σ as inclusive character ranges, in order: tab and LF, CR, U+0020–U+00FF.</summary>
    public static readonly IReadOnlyList<(char From, char To)> Alphabet = [('\t', '\n'), ('\r', '\r'), (' ', '\u00FF')];

    public static bool InAlphabet(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\u00FF');

    public enum AtomKind { AnyString, AnyChar, CaseFoldedLetter, Text }

    public readonly record struct Atom(AtomKind Kind, string Text = "");

    /// <summary>Σ as (lowest, highest) character ranges: tab and LF, CR, U+0020–U+00FF.</summary>
    public static readonly (char Low, char High)[] AlphabetRanges = [('\t', '\n'), ('\r', '\r'), (' ', '\u00FF')];

    /// <summary>A finite domain's candidates that are strings over Σ: the others are no action and in no pattern.</summary>
    public static List<string> InAlphabet(IReadOnlyList<string> candidates) =>
        candidates.Where(c => ActionPattern.IndexOutsideAlphabet(c) < 0).ToList();

    public static List<Atom> Atoms(string pattern)
    {
        var atoms = new List<Atom>();
        var run = new System.Text.StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                atoms.Add(new Atom(AtomKind.Text, run.ToString()));
                run.Clear();
            }
        }
        foreach (var c in pattern)
        {
            switch (c)
            {
                case '*':
                    Flush();
                    // Consecutive stars denote the same language as one.
                    if (atoms.Count == 0 || atoms[^1].Kind != AtomKind.AnyString)
                    {
                        atoms.Add(new Atom(AtomKind.AnyString));
                    }
                    break;
                case '?':
                    Flush();
                    atoms.Add(new Atom(AtomKind.AnyChar));
                    break;
                case >= 'a' and <= 'z' or >= 'A' and <= 'Z':
                    Flush();
                    atoms.Add(new Atom(AtomKind.CaseFoldedLetter, char.ToLowerInvariant(c).ToString()));
                    break;
                default:
                    run.Append(c);
                    break;
            }
        }
        Flush();
        return atoms;
    }

    /// <summary>A string as an SMT-LIB 2.6 literal: <see cref="EscapeCharacters"/> inside quotes, <c>"</c> doubled.</summary>
    public static string SmtString(string s) => "\"" + EscapeCharacters(s).Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Printable ASCII stays; everything else (the backslash too) is written <c>\u{hex}</c>, which Z3's
    /// <c>Z3_mk_string</c>, Z3's parser and cvc5 all read.
    /// </summary>
    public static string EscapeCharacters(string s)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in s)
        {
            if (c is >= ' ' and <= '~' && c != '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append($"\\u{{{(int)c:x}}}");
            }
        }
        return sb.ToString();
    }
}
