namespace GeneralizationProofs.Patterns;

/// <summary>
/// IAM compares action names case-insensitively. Action names are ASCII, so we fold ASCII letters only:
/// every other character (Latin-1 letters included) must match exactly. The SMT encoding folds the same way,
/// and a differential test holds the two together.
/// </summary>
public static class AsciiCase
{
    public static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    public static string Fold(string s)
    {
        foreach (var c in s)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return string.Create(s.Length, s, (span, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        span[i] = Fold(src[i]);
                    }
                });
            }
        }
        return s;
    }

    public static bool Equal(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (Fold(a[i]) != Fold(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static bool StartsWith(string s, string prefix)
    {
        if (prefix.Length > s.Length)
        {
            return false;
        }
        for (var i = 0; i < prefix.Length; i++)
        {
            if (Fold(s[i]) != Fold(prefix[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Ordinal comparison of the folded strings: the order every sorted action list here uses.</summary>
    public static int Compare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var d = Fold(a[i]).CompareTo(Fold(b[i]));
            if (d != 0)
            {
                return d;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static readonly IEqualityComparer<string> EqualityComparer = new FoldedEquality();

    private sealed class FoldedEquality : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is null ? y is null : y is not null && Equal(x, y);

        public int GetHashCode(string s)
        {
            var h = new HashCode();
            foreach (var c in s)
            {
                h.Add(Fold(c));
            }
            return h.ToHashCode();
        }
    }
}
