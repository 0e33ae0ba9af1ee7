using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// Patterns indexed by folded literal prefix, answering "which patterns could match a string that starts with s":
/// those whose literal prefix is a prefix of s, and those whose literal prefix extends s (see
/// <see cref="ActionPattern.PrefixesCompatible"/>). Leaving out the others is what keeps each query small.
/// </summary>
public sealed class PatternIndex
{
    private readonly Dictionary<string, List<string>> _byPrefix = new(StringComparer.Ordinal);
    private readonly string[] _sortedPrefixes;

    public PatternIndex(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var key = AsciiCase.Fold(new ActionPattern(pattern).LiteralPrefix);
            if (!_byPrefix.TryGetValue(key, out var list))
            {
                _byPrefix[key] = list = [];
            }
            list.Add(pattern);
        }
        _sortedPrefixes = _byPrefix.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public List<string> Compatible(string prefix)
    {
        var folded = AsciiCase.Fold(prefix);
        var result = new List<string>();
        for (var length = 0; length <= folded.Length; length++)
        {
            if (_byPrefix.TryGetValue(folded[..length], out var shorter))
            {
                result.AddRange(shorter);
            }
        }
        foreach (var longer in ActionCatalog.Narrow(_sortedPrefixes, folded))
        {
            if (longer.Length > folded.Length)
            {
                result.AddRange(_byPrefix[longer]);
            }
        }
        return result;
    }
}
