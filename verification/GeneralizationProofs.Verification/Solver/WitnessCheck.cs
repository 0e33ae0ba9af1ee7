using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Solver;

/// <summary>
/// Counterexample replay (Cedar's discipline), the one check every engine's Sat witness goes through before it is
/// believed: a string over Σ (<see cref="PatternEncoding.Alphabet"/>), one of the candidates when the domain is finite,
/// matched by some include pattern and by no exclude pattern according to the core matcher. An engine whose witness
/// fails it has made an error; the caller reports Unknown, never the answer.
/// </summary>
public static class WitnessCheck
{
    /// <summary>Null when the witness holds, else why not (for the reason of the Unknown).</summary>
    public static string? Problem(Query query, string witness)
    {
        if (!InAlphabet(witness))
        {
            var ch = witness.First(c => !PatternEncoding.InAlphabet(c));
            return $"\"{witness}\" holds U+{(int)ch:X4}, outside the alphabet of spec §2";
        }
        if (query.Candidates is { } candidates && !candidates.Contains(witness, StringComparer.Ordinal))
        {
            return $"\"{witness}\" is not one of the query's candidates";
        }
        if (!query.Include.Any(p => ActionPattern.Match(p, witness)))
        {
            return $"the core matcher finds \"{witness}\" in no include pattern";
        }
        return query.Exclude.FirstOrDefault(p => ActionPattern.Match(p, witness)) is { } excluded
            ? $"the core matcher finds \"{witness}\" in the excluded pattern {excluded}"
            : null;
    }

    public static bool InAlphabet(string witness) => witness.All(PatternEncoding.InAlphabet);
}
