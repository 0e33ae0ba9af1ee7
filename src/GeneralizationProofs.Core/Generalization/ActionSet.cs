using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// A set of actions (<c>service:Name</c>), case-insensitive, sorted by folded order so that "does any member start
/// with p" (the safety test of a trie node) is a binary search. The unused actions are one; the kept actions another.
/// </summary>
public sealed class ActionSet
{
    private readonly string[] _sorted;
    private readonly HashSet<string> _set;

    public ActionSet(IEnumerable<string> actions)
    {
        _sorted = actions.Distinct(AsciiCase.EqualityComparer).Order(AsciiCase.Comparer).ToArray();
        _set = new HashSet<string>(_sorted.Select(AsciiCase.Fold), StringComparer.Ordinal);
    }

    public static readonly ActionSet None = new([]);

    public IReadOnlyList<string> Actions => _sorted;
    public int Count => _sorted.Length;

    public bool Contains(string action) => _set.Contains(AsciiCase.Fold(action));

    public bool AnyWithPrefix(string prefix) => !WithPrefix(prefix).IsEmpty;

    public ReadOnlySpan<string> WithPrefix(string prefix) => WithFoldedPrefix(AsciiCase.Fold(prefix));

    /// <summary>As <see cref="WithPrefix"/> for a prefix already folded; allocates nothing.</summary>
    public ReadOnlySpan<string> WithFoldedPrefix(ReadOnlySpan<char> foldedPrefix) => ActionCatalog.Narrow(_sorted, foldedPrefix);
}
