using System.Text;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Writes a <see cref="Query"/> as a standalone SMT-LIB2 script, so anyone can re-check an obligation with another
/// solver (<c>z3 file.smt2</c>, <c>cvc5 file.smt2</c>). Sat/unsat mean the same as in-process.
/// </summary>
public static class SmtLibWriter
{
    /// <param name="status">the answer the engines agreed on, written as <c>(set-info :status …)</c> so a re-check can
    /// compare (Unknown when they did not agree or did not answer); null writes no status.</param>
    public static string Write(Query query, AnswerKind? status = null)
    {
        var sb = new StringBuilder();
        sb.Append($"; GeneralizationProofs obligation: {query.Name.ReplaceLineEndings(" ")}\n");
        sb.Append("; sat: a string exists (counterexample or witness); unsat: none exists\n");
        sb.Append("; strings range over the alphabet of spec §2 (tab, LF, CR, U+0020-U+00FF): x is in (re.* alphabet)\n");
        sb.Append("(set-logic QF_S)\n");
        if (status is { } known)
        {
            sb.Append($"(set-info :status {known.ToString().ToLowerInvariant()})\n");
        }
        sb.Append($"(define-fun alphabet () RegLan {Alphabet})\n(declare-fun x () String)\n");
        // The order Z3Session builds: include, excluded complement, domain (see Z3Session.Regex on why the domain is last).
        var parts = new List<string> { Union(query.Include.Select(Pattern).ToList()) };
        if (query.Exclude.Count > 0)
        {
            parts.Add($"(re.comp {Union(query.Exclude.Select(Pattern).ToList())})");
        }
        parts.Add(query.Candidates is { } candidates
            ? Union(PatternEncoding.InAlphabet(candidates).Select(c => $"(str.to_re {PatternEncoding.SmtString(c)})").ToList())
            : "(re.* alphabet)");
        var regex = parts.Count == 1 ? parts[0] : $"(re.inter {string.Join(" ", parts)})";
        sb.Append($"(assert (str.in_re x {regex}))\n(check-sat)\n");
        return sb.ToString();
    }

    /// <summary>Σ as SMT-LIB: the union of <see cref="PatternEncoding.AlphabetRanges"/>.</summary>
    private static readonly string Alphabet = Union(PatternEncoding.AlphabetRanges
        .Select(r => $"(re.range {PatternEncoding.SmtString(r.Low.ToString())} {PatternEncoding.SmtString(r.High.ToString())})").ToList());

    private static string Union(List<string> items) => items.Count switch
    {
        0 => "re.none",
        1 => items[0],
        _ => $"(re.union {string.Join(" ", items)})",
    };

    public static string Pattern(string pattern)
    {
        var atoms = PatternEncoding.Atoms(pattern).Select(a => a.Kind switch
        {
            PatternEncoding.AtomKind.AnyString => "re.all",
            PatternEncoding.AtomKind.AnyChar => "alphabet",
            PatternEncoding.AtomKind.CaseFoldedLetter =>
                $"(re.union (str.to_re \"{a.Text}\") (str.to_re \"{a.Text.ToUpperInvariant()}\"))",
            _ => $"(str.to_re {PatternEncoding.SmtString(a.Text)})",
        }).ToList();
        return atoms.Count switch
        {
            0 => "(str.to_re \"\")",
            1 => atoms[0],
            _ => $"(re.++ {string.Join(" ", atoms)})",
        };
    }
}
