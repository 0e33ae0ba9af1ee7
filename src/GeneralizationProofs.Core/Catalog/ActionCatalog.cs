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
    /// The catalog actions that some of the patterns grant (the union of their <see cref="Matching"/> sets), each once,
    /// in catalog order. The one answer to "which catalog actions do these patterns grant" for every caller.
    /// </summary>
    public IReadOnlyList<string> Granted(IEnumerable<string> patterns) =>
        patterns.SelectMany(p => Matching(new ActionPattern(p))).Distinct(AsciiCase.EqualityComparer).Order(AsciiCase.Comparer).ToList();

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
        var name = JsonInput.NameOf(path);
        // Standard input and directories go to the full reader, which reads them or names the problem.
        if (path == JsonInput.StandardInputPath || Directory.Exists(path))
        {
            return Parse(JsonInput.ReadFile(path), name);
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Parse(JsonInput.ReadFile(path), name); // which names the file and the problem
        }
        // Anything but the plain shape goes to the full reader, which reads the file as text and names any bad place.
        return CatalogReader.TryRead(bytes, name) ?? Parse(JsonInput.ReadFile(path), name);
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
            CheckService(service, path); // before the shape, as a bad prefix is the first thing wrong at that place
            if (names is not System.Text.Json.Nodes.JsonArray list)
            {
                throw new InputException(path, JsonPlaces.Member("$.services", service), "expected an array of action names");
            }
            var strings = new List<string>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not System.Text.Json.Nodes.JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    throw new InputException(path, $"{JsonPlaces.Member("$.services", service)}[{i}]", "expected a string action name");
                }
                // Checked here as well as in Build, so the full reader names the first bad place in document order.
                CheckName(service, v.GetValue<string>(), i, path);
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
                CheckName(service, names[i], i, path);
                actions.Add($"{service}:{names[i]}");
            }
        }
        if (actions.Count == 0)
        {
            throw new InputException(path, "$.services", "the catalog lists no actions");
        }
        return new ActionCatalog(actions, source, date);
    }

    private static void CheckName(string service, string name, int index, string path)
    {
        // Checked before the message below could echo a megabyte of name.
        InputLimits.CheckActionLength($"{service}:{name}", path, $"$.services.{service}[{index}]", "a catalog action");
        if (FirstOutside(name, IsNameCharacter) is { } badName)
        {
            throw new InputException(path, $"{JsonPlaces.Member("$.services", service)}[{index}]",
                $"an action name is one or more of A-Z, a-z and 0-9 (spec §2); {Describe(name, badName)}");
        }
    }

    private static void CheckService(string service, string path)
    {
        if (FirstOutside(service, IsServiceCharacter) is { } badService)
        {
            throw new InputException(path, JsonPlaces.Member("$.services", service),
                $"a service prefix is one or more of a-z, 0-9 and '-' (spec §2); {Describe(service, badService)}");
        }
    }

    // The grammar every shared catalog follows (spec §2). Enforced on load because the refiner writes catalog
    // spellings into refined policies: a name with U+212A (Kelvin sign) would give a policy that `verify` rejects,
    // and the proofs' ASCII-only folding is exact only for ASCII names.
    private static bool IsServiceCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    private static bool IsNameCharacter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>The index of the first character outside the class; -1 for an empty string (outside too); null when all are in.</summary>
    private static int? FirstOutside(string s, Func<char, bool> allowed)
    {
        if (s.Length == 0)
        {
            return -1;
        }
        for (var i = 0; i < s.Length; i++)
        {
            if (!allowed(s[i]))
            {
                return i;
            }
        }
        return null;
    }

    private static string Describe(string s, int at) =>
        at < 0 ? "it is empty" : $"'{InputException.Shown(s)}' has U+{(int)s[at]:X4} at offset {at}";
}
