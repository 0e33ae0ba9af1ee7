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
    private readonly Dictionary<string, string> _byFolded;

    public ActionCatalog(IEnumerable<string> actions, string source = "", string date = "")
    {
        // Fold once and sort the folded keys ordinally, which is AsciiCase.Compare's order: a whole catalog is read on
        // every start of the tool, and a comparer that folds on every comparison cost a tenth of a short refine.
        _byFolded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            _byFolded.TryAdd(AsciiCase.Fold(action), action); // the first spelling wins, as Distinct kept it
        }
        var keys = _byFolded.Keys.ToArray();
        _sorted = _byFolded.Values.ToArray();
        Array.Sort(keys, _sorted, StringComparer.Ordinal);
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
    public ReadOnlySpan<string> WithPrefix(string prefix) => WithFoldedPrefix(AsciiCase.Fold(prefix));

    /// <summary>As <see cref="WithPrefix"/> for a prefix already folded; allocates nothing.</summary>
    public ReadOnlySpan<string> WithFoldedPrefix(ReadOnlySpan<char> foldedPrefix) => Narrow(_sorted, foldedPrefix);

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

    /// <summary>
    /// The run of <paramref name="sorted"/> (strings in folded order) that starts with <paramref name="foldedPrefix"/>:
    /// in that order the strings with a prefix come right after those that sort before it. Narrowing a parent's run
    /// to a child's prefix keeps each search of a trie walk short.
    /// </summary>
    public static ReadOnlySpan<string> Narrow(ReadOnlySpan<string> sorted, ReadOnlySpan<char> foldedPrefix)
    {
        var start = PartitionPoint(sorted, foldedPrefix, runIncluded: false);
        var end = PartitionPoint(sorted[start..], foldedPrefix, runIncluded: true);
        return sorted.Slice(start, end);
    }

    /// <summary>
    /// The first index of <paramref name="sorted"/> that is not before the run of strings starting with the prefix
    /// (or, with <paramref name="runIncluded"/>, not before or in it).
    /// </summary>
    private static int PartitionPoint(ReadOnlySpan<string> sorted, ReadOnlySpan<char> foldedPrefix, bool runIncluded)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = ComparePrefix(sorted[mid], foldedPrefix);
            if (order < 0 || (runIncluded && order == 0))
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

    /// <summary>Negative, zero or positive as <paramref name="s"/> sorts before, starts with, or sorts after the prefix.</summary>
    private static int ComparePrefix(string s, ReadOnlySpan<char> foldedPrefix)
    {
        var n = Math.Min(s.Length, foldedPrefix.Length);
        for (var i = 0; i < n; i++)
        {
            var d = AsciiCase.Fold(s[i]) - foldedPrefix[i];
            if (d != 0)
            {
                return d;
            }
        }
        return s.Length >= foldedPrefix.Length ? 0 : -1;
    }

    /// <summary>Reads the shared catalog format <c>{"source", "date", "services": {"s3": ["GetObject", ...]}}</c>.</summary>
    public static ActionCatalog Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Parse(JsonInput.ReadFile(path), path); // which names the file and the problem
        }
        // Anything but the plain shape goes to the full reader, which reads the file as text and names any bad place.
        return CatalogReader.TryRead(bytes, path) ?? Parse(JsonInput.ReadFile(path), path);
    }

    public static ActionCatalog Parse(System.Text.Json.Nodes.JsonNode? root, string path)
    {
        if (root is not System.Text.Json.Nodes.JsonObject obj)
        {
            throw new InputException(path, "$", "a catalog must be a JSON object with a \"services\" object");
        }
        if (obj["services"] is not System.Text.Json.Nodes.JsonObject services)
        {
            throw new InputException(path, "$.services", "missing or not an object (expected {\"s3\": [\"GetObject\", ...], ...})");
        }
        var entries = new List<(string, IReadOnlyList<string>)>();
        foreach (var (service, names) in services)
        {
            CheckService(service, path);
            if (names is not System.Text.Json.Nodes.JsonArray list)
            {
                throw new InputException(path, $"$.services.{service}", "expected an array of action names");
            }
            var strings = new List<string>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not System.Text.Json.Nodes.JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    throw new InputException(path, $"$.services.{service}[{i}]", "expected a string action name");
                }
                strings.Add(v.GetValue<string>());
            }
            entries.Add((service, strings));
        }
        return Build(entries, obj["source"]?.ToString() ?? "", obj["date"]?.ToString() ?? "", path);
    }

    /// <summary>The catalog from its services' action names, read by either reader; the grammar is checked here, once.</summary>
    internal static ActionCatalog Build(
        IReadOnlyList<(string Service, IReadOnlyList<string> Names)> services, string source, string date, string path)
    {
        var actions = new List<string>();
        foreach (var (service, names) in services)
        {
            CheckService(service, path);
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
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
        return new ActionCatalog(actions, source, date);
    }

    private static void CheckService(string service, string path)
    {
        if (service.Length == 0 || service.Contains(':'))
        {
            throw new InputException(path, $"$.services[\"{service}\"]", "a service prefix must be non-empty and contain no ':'");
        }
    }
}
