using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

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

/// <summary>Reads the analyzer's unused actions.</summary>
public static class UnusedActions
{
    /// <summary>
    /// Reads the analyzer's list (<c>[{"serviceNamespace", "actions": ["GetBucketAcl"]}]</c>) or a finding
    /// (<c>findingDetails[].unusedPermissionDetails</c> with actions as objects). Unused actions that the catalog
    /// does not list mean the catalog is stale: refused, naming the action, unless <paramref name="ignoreStale"/>,
    /// in which case they are left out and returned in <paramref name="ignored"/>.
    /// </summary>
    public static ActionSet Load(string path, ActionCatalog catalog, bool ignoreStale, out List<string> ignored) =>
        Read(JsonInput.ReadFile(path), JsonInput.NameOf(path), catalog, ignoreStale, out ignored);

    /// <summary>As <see cref="Load"/>, from JSON already parsed; <paramref name="path"/> names it in messages.</summary>
    public static ActionSet Read(JsonNode root, string path, ActionCatalog catalog, bool ignoreStale, out List<string> ignored)
    {
        var entries = new List<(string Action, string Place)>();
        switch (root)
        {
            case JsonArray list:
                ReadServiceList(path, list, "$", entries, actionsAreObjects: false);
                break;
            case JsonObject finding when finding["findingDetails"] is JsonArray details:
                CheckFindingKind(path, finding, details);
                for (var i = 0; i < details.Count; i++)
                {
                    var place = $"$.findingDetails[{i}]";
                    if (details[i] is not JsonObject detail)
                    {
                        throw new InputException(path, place, "expected an object");
                    }
                    // Other finding kinds (an unused role, an unused access key) carry no actions to remove.
                    if (detail["unusedPermissionDetails"] is JsonObject permission)
                    {
                        ReadService(path, permission, place + ".unusedPermissionDetails", entries, actionsAreObjects: true);
                    }
                }
                break;
            default:
                throw new InputException(path, "$", "expected the analyzer's list [{\"serviceNamespace\", \"actions\"}] or a finding with \"findingDetails\"");
        }

        ignored = [];
        var actions = new List<string>();
        foreach (var (action, place) in entries)
        {
            var known = catalog.Find(action);
            if (known is not null)
            {
                actions.Add(known);
            }
            else if (ignoreStale)
            {
                ignored.Add(action);
            }
            else
            {
                throw new InputException(path, place,
                    $"unused action '{InputException.Shown(action)}' is not in the catalog (stale catalog?); "
                    + "pass --ignore-unknown-unused to leave such actions out");
            }
        }
        return new ActionSet(actions);
    }

    /// <summary>
    /// Only an unused-permission finding lists actions to remove. Another kind (an unused role, access key or
    /// password) read as "nothing unused" would refine nothing and exit 0 as if the policy were tight, so it is
    /// refused, naming its kind: it asks for deleting the role or key, not for a refined policy.
    /// </summary>
    private static void CheckFindingKind(string path, JsonObject finding, JsonArray details)
    {
        if (PolicyDocument.AsString(finding["findingType"]) is { } type && type != "UnusedPermission")
        {
            throw new InputException(path, "$.findingType",
                $"a finding of type \"{type}\" lists no unused actions (only \"UnusedPermission\" findings can refine a policy)");
        }
        if (details.Count == 0)
        {
            throw new InputException(path, "$.findingDetails", "empty: the finding lists no unused permissions");
        }
        if (!details.Any(d => d is JsonObject o && o.ContainsKey("unusedPermissionDetails")))
        {
            var kinds = details.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)).Distinct().Take(3).ToList();
            throw new InputException(path, "$.findingDetails", $"holds only {(kinds.Count > 0 ? string.Join(", ", kinds) : "no details")}"
                + ", no \"unusedPermissionDetails\": not a finding of unused actions (an unused role or key is deleted, not refined)");
        }
    }

    private static void ReadServiceList(string path, JsonArray list, string place, List<(string, string)> entries, bool actionsAreObjects)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject service)
            {
                throw new InputException(path, $"{place}[{i}]", "expected an object with \"serviceNamespace\" and \"actions\"");
            }
            ReadService(path, service, $"{place}[{i}]", entries, actionsAreObjects);
        }
    }

    private static void ReadService(string path, JsonObject service, string place, List<(string, string)> entries, bool actionsAreObjects)
    {
        var ns = StringAt(path, service, "serviceNamespace", place);
        if (service["actions"] is not JsonArray actions)
        {
            throw new InputException(path, place + ".actions", "missing or not an array");
        }
        for (var j = 0; j < actions.Count; j++)
        {
            var actionPlace = $"{place}.actions[{j}]";
            var name = actions[j] switch
            {
                JsonObject o => StringAt(path, o, "action", actionPlace),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => throw new InputException(path, actionPlace, actionsAreObjects
                    ? "expected {\"action\": ..., \"lastAccessed\": ...} or a string"
                    : "expected an action name string"),
            };
            // Accept both "GetObject" and "s3:GetObject".
            var full = InputLimits.CheckActionLength(name.Contains(':') ? name : $"{ns}:{name}", path, actionPlace, "an unused action");
            if (!AsciiCase.StartsWith(full, ns + ":") || new ActionPattern(full).IsLiteral is false)
            {
                throw new InputException(path, actionPlace,
                    $"'{InputException.Shown(name)}' is not an action of service '{InputException.Shown(ns)}'");
            }
            entries.Add((full, actionPlace));
        }
    }

    private static string StringAt(string path, JsonObject obj, string key, string place)
    {
        if (obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0)
        {
            return v.GetValue<string>();
        }
        throw new InputException(path, $"{place}.{key}", "missing or not a non-empty string");
    }
}
