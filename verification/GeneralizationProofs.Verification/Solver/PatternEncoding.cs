namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// How an action pattern becomes a regular expression, independent of who builds it (Z3 terms, SMT-LIB2 text or
/// automata): <c>*</c> → Σ* (<c>re.all</c>), <c>?</c> → one character of Σ (<c>re.allchar</c>), an ASCII letter → the
/// union of its two cases (IAM folds case; only ASCII letters fold, as in the core matcher), a run of other
/// characters → that string. Every engine consumes <see cref="Atoms"/>, so the engines cannot drift apart.
/// <para>The alphabet Σ, one for every engine (spec §2): "all strings" means all strings over the characters policy
/// text may hold, tab, LF, CR and U+0020–U+00FF (<see cref="Alphabet"/>); <c>?</c> is exactly one of them, and a
/// witness is a string over them. Nothing is lost for the catalog (its grammar is ASCII), and the all-strings
/// obligations are then about strings a policy can actually name.</para>
/// </summary>
public static class PatternEncoding
{
    /// <summary>Σ as inclusive character ranges, in order: tab and LF, CR, U+0020–U+00FF.</summary>
    public static readonly IReadOnlyList<(char From, char To)> Alphabet = [('\t', '\n'), ('\r', '\r'), (' ', '\u00FF')];

    public static bool InAlphabet(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\u00FF');

    public enum AtomKind { AnyString, AnyChar, CaseFoldedLetter, Text }

    public readonly record struct Atom(AtomKind Kind, string Text = "");

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

    /// <summary>Reads back a string the solver printed with <c>\u{hex}</c> (and <c>\uXXXX</c>, <c>\xHH</c>) escapes.</summary>
    public static string UnescapeSolverString(string s)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                if (s[i + 1] == 'u' && i + 2 < s.Length && s[i + 2] == '{')
                {
                    var close = s.IndexOf('}', i + 3);
                    if (close > 0 && int.TryParse(s.AsSpan(i + 3, close - i - 3), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        sb.Append(char.ConvertFromUtf32(code));
                        i = close;
                        continue;
                    }
                }
                if (s[i + 1] == 'u' && i + 5 < s.Length && int.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var u4))
                {
                    sb.Append((char)u4);
                    i += 5;
                    continue;
                }
                if (s[i + 1] == 'x' && i + 3 < s.Length && int.TryParse(s.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, null, out var x2))
                {
                    sb.Append((char)x2);
                    i += 3;
                    continue;
                }
            }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
