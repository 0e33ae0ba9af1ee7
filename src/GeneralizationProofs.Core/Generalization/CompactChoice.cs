namespace GeneralizationProofs.Generalization;

/// <summary>
/// Compact's two candidate outputs for one wildcard entry and which it chose, so that an explanation says why the
/// output is what it is (<c>refine --format explain</c>) from the same computation the refinement made.
/// </summary>
/// <param name="Prefixes">the character trie's shortest safe prefixes, a single-action node written <c>p*</c> when shorter.</param>
/// <param name="Cover">the greedy one-star glob cover (<see cref="GlobCover"/>), or null when the entry is no prefix glob
/// or a group was too large to cover.</param>
/// <param name="CoverWon">whether the cover is the output: strictly fewer characters as written.</param>
public sealed record CompactChoice(IReadOnlyList<string> Prefixes, IReadOnlyList<string>? Cover, bool CoverWon)
{
    public IReadOnlyList<string> Output => CoverWon ? Cover! : Prefixes;

    /// <summary>Characters a list of patterns costs in the policy as written (<see cref="GlobCover.Cost"/> each).</summary>
    public static int Characters(IEnumerable<string> patterns) => patterns.Sum(GlobCover.Cost);
}
