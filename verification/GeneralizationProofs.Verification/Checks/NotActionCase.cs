using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// One Allow + NotAction statement's obligation: the original NotAction list X and the refined one X'. The statement
/// grants every string outside L(X); the refinement grants every string outside L(X').
/// </summary>
public sealed record NotActionCase(string Label, IReadOnlyList<string> Original, IReadOnlyList<string> Refined)
{
    /// <summary>Positions in <see cref="Refined"/> whose entry is not an original entry: what the refinement added.</summary>
    public IReadOnlyList<int> Added { get; } = AddedPositions(Original, Refined);

    private static List<int> AddedPositions(IReadOnlyList<string> original, IReadOnlyList<string> refined)
    {
        var set = original.ToHashSet(AsciiCase.EqualityComparer);
        return Enumerable.Range(0, refined.Count).Where(i => !set.Contains(refined[i])).ToList();
    }
}
