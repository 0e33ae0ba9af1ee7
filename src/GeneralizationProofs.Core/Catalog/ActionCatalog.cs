using System.Text.Json;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Catalog;

/// <summary>
/// The actions that exist: <c>service:Name</c> strings, kept sorted by folded ordinal order so that
/// "all actions that start with p" is a binary search.
/// </summary>
public sealed class ActionCatalog
{
    private readonly string[] _sorted;
    private readonly string[] _folded;
    private readonly Dictionary<string, string> _byFolded;

    public ActionCatalog(IEnumerable<string> actions, string source = "", string date = "")
    {
        _sorted = actions.Distinct(AsciiCase.EqualityComparer).Order(AsciiCase.Comparer).ToArray();
        _folded = _sorted.Select(AsciiCase.Fold).ToArray();
        _byFolded = new Dictionary<string, string>(_sorted.Length);
        for (var i = 0; i < _sorted.Length; i++)
        {
            _byFolded[_folded[i]] = _sorted[i];
        }
        Source = source;
        Date = date;
    }

    public string Source { get; }
    public string Date { get; }
    public IReadOnlyList<string> Actions => _sorted;
    public int Count => _sorted.Length;

    /// <summary>The catalog's own spelling of an action, or null when it does not exist (case-insensitive).</summary>
    public string? Find(string action) => _byFolded.GetValueOrDefault(AsciiCase.Fold(action));

    public bool Contains(string action) => _byFolded.ContainsKey(AsciiCase.Fold(action));

    /// <summary>The catalog actions that start with <paramref name="prefix"/> (case-insensitive), in catalog order.</summary>
    public ReadOnlySpan<string> WithPrefix(string prefix)
    {
        var (start, end) = PrefixRange(_folded, AsciiCase.Fold(prefix));
        return _sorted.AsSpan(start, end - start);
    }

    /// <summary>The catalog actions that a pattern matches: a prefix range, filtered by the full matcher.</summary>
    public IReadOnlyList<string> Matching(ActionPattern pattern)
    {
        var result = new List<string>();
        foreach (var action in WithPrefix(pattern.LiteralPrefix))
        {
            if (pattern.IsPrefixGlob || pattern.Matches(action))
            {
                result.Add(action);
            }
        }
        return result;
    }

    /// <summary>[start, end) of the entries of a folded, sorted array that start with a folded prefix.</summary>
    public static (int Start, int End) PrefixRange(string[] foldedSorted, string foldedPrefix)
    {
        var start = LowerBound(foldedSorted, foldedPrefix);
        // Every string that starts with the prefix sorts before prefix + U+FFFF (no action name contains U+FFFF).
        var end = start < foldedSorted.Length && foldedSorted[start].StartsWith(foldedPrefix, StringComparison.Ordinal)
            ? LowerBound(foldedSorted, foldedPrefix + '\uffff')
            : start;
        return (start, end);
    }

    public static int LowerBound(string[] sorted, string key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Reads the shared catalog format <c>{"source", "date", "services": {"s3": ["GetObject", ...]}}</c>.</summary>
    public static ActionCatalog Load(string path)
    {
        var root = JsonInput.ReadFile(path);
        if (root is not System.Text.Json.Nodes.JsonObject obj)
        {
            throw new InputException(path, "$", "a catalog must be a JSON object with a \"services\" object");
        }
        if (obj["services"] is not System.Text.Json.Nodes.JsonObject services)
        {
            throw new InputException(path, "$.services", "missing or not an object (expected {\"s3\": [\"GetObject\", ...], ...})");
        }
        var actions = new List<string>();
        foreach (var (service, names) in services)
        {
            if (service.Length == 0 || service.Contains(':'))
            {
                throw new InputException(path, $"$.services[\"{service}\"]", "a service prefix must be non-empty and contain no ':'");
            }
            if (names is not System.Text.Json.Nodes.JsonArray list)
            {
                throw new InputException(path, $"$.services.{service}", "expected an array of action names");
            }
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not System.Text.Json.Nodes.JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    throw new InputException(path, $"$.services.{service}[{i}]", "expected a string action name");
                }
                var name = v.GetValue<string>();
                if (name.Length == 0 || name.AsSpan().IndexOfAny(":*?") >= 0)
                {
                    throw new InputException(path, $"$.services.{service}[{i}]", $"'{name}' is not an action name (empty, or contains ':', '*' or '?')");
                }
                actions.Add($"{service}:{name}");
            }
        }
        if (actions.Count == 0)
        {
            throw new InputException(path, "$.services", "the catalog lists no actions");
        }
        return new ActionCatalog(actions, obj["source"]?.ToString() ?? "", obj["date"]?.ToString() ?? "");
    }
}
