namespace GeneralizationProofs.Patterns;

/// <summary>
/// An IAM action pattern: <c>*</c> matches any sequence (also empty), <c>?</c> exactly one character,
/// every other character itself, ASCII letters case-insensitively (see <see cref="AsciiCase"/>); characters are
/// those of the alphabet policy text may hold (<see cref="InAlphabet"/>).
/// The pattern is matched against the whole action string <c>service:Name</c>, colon included.
/// </summary>
public sealed class ActionPattern : IEquatable<ActionPattern>
{
    public ActionPattern(string text)
    {
        Text = text;
        var firstWildcard = text.AsSpan().IndexOfAny('*', '?');
        IsLiteral = firstWildcard < 0;
        LiteralPrefix = IsLiteral ? text : text[..firstWildcard];
        IsPrefixGlob = !IsLiteral && text.AsSpan(firstWildcard).TrimStart('*').IsEmpty;
    }

    public string Text { get; }

    /// <summary>No <c>*</c> and no <c>?</c>: the pattern denotes one string (up to ASCII case).</summary>
    public bool IsLiteral { get; }

    /// <summary>The text before the first wildcard. Every string the pattern matches starts with it (case-folded).</summary>
    public string LiteralPrefix { get; }

    /// <summary><c>prefix*</c> (one or more trailing stars, no other wildcard): the language is prefix·Σ*.</summary>
    public bool IsPrefixGlob { get; }

    /// <summary>A literal or a prefix glob: the shapes the generalizers emit and that minimality (M3) ranges over.</summary>
    public bool IsLiteralOrPrefixGlob => IsLiteral || IsPrefixGlob;

    public bool Matches(string action) => Match(Text, action);

    /// <summary>
    /// Whether some string could be matched by both patterns' literal prefixes: the necessary condition that the
    /// verifier uses to skip pairs. If x ∈ L(p) and x ∈ L(q), both literal prefixes are prefixes of x, so one is a
    /// prefix of the other.
    /// </summary>
    public static bool PrefixesCompatible(string a, string b) =>
        a.Length <= b.Length ? AsciiCase.StartsWith(b, a) : AsciiCase.StartsWith(a, b);

    /// <summary>
    /// Whether L(this) ⊇ L(other), decided for the shapes where it is easy and exact: other a literal (match it),
    /// or this a prefix glob (other's literal prefix must extend ours, and if other has a wildcard it must be a glob
    /// too). Returns false when undecided, which callers treat as "not covered" (the safe answer for de-duplication).
    /// </summary>
    public bool Covers(ActionPattern other)
    {
        if (other.IsLiteral)
        {
            return Matches(other.Text);
        }
        if (IsPrefixGlob)
        {
            return AsciiCase.StartsWith(other.LiteralPrefix, LiteralPrefix);
        }
        return AsciiCase.Equal(Text, other.Text);
    }

    /// <summary>
    /// Glob matching with backtracking over the last star: linear for patterns with one star, O(n·m) worst case.
    /// Strings are over the alphabet (<see cref="InAlphabet"/>): a text holding another character is in no pattern's
    /// language, and a pattern holding one matches nothing, so <c>?</c> is one character of the alphabet and <c>*</c>
    /// a run of them — as in the SMT encoding, where Σ replaces Z3's code points up to U+2FFFF.
    /// </summary>
    public static bool Match(string pattern, string text)
    {
        if (IndexOutsideAlphabet(text) >= 0 || IndexOutsideAlphabet(pattern) >= 0)
        {
            return false;
        }
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && AsciiCase.Fold(pattern[p]) == AsciiCase.Fold(text[t]))))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>
    /// The alphabet every string here is over (spec §2, §6): the characters policy text may hold, tab, LF, CR and
    /// U+0020–U+00FF. "All strings" in the proofs means all strings over it.
    /// </summary>
    public static bool InAlphabet(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\u00FF');

    /// <summary>The index of the first character of <paramref name="s"/> outside the alphabet, or -1.</summary>
    public static int IndexOutsideAlphabet(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!InAlphabet(s[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public bool Equals(ActionPattern? other) => other is not null && AsciiCase.Equal(Text, other.Text);

    public override bool Equals(object? obj) => Equals(obj as ActionPattern);

    public override int GetHashCode() => AsciiCase.EqualityComparer.GetHashCode(Text);

    public override string ToString() => Text;
}
