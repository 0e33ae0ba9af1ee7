using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Checks;

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
