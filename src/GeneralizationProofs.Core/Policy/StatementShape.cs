using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeneralizationProofs.Policy;

/// <summary>
/// The keys of a statement besides Effect and Action, checked for the shapes IAM accepts. They are copied through
/// refinement verbatim, so a wrong type would otherwise reach the output (and AWS would refuse the policy there).
/// Decisions (README "Input limits and hostile input"): a wrong type, or Resource beside NotResource, is refused; a
/// statement with neither Resource nor NotResource is only warned about, because a role's trust policy has none; so are
/// a key IAM does not know (kept and copied, as every key is) and an empty Action list (it grants nothing).
/// </summary>
internal static class StatementShape
{
    /// <summary>The statement keys of the IAM policy grammar.</summary>
    private static readonly HashSet<string> Known =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    /// <summary>Throws for a refused shape; returns the warnings (none for a well-formed statement).</summary>
    public static IEnumerable<string> Check(JsonObject node, string file, string place)
    {
        if (node.ContainsKey("Sid") && !IsString(node["Sid"]))
        {
            throw new InputException(file, place + ".Sid", $"must be a string, found {Describe(node["Sid"])}");
        }
        var hasResource = node.ContainsKey("Resource");
        var hasNotResource = node.ContainsKey("NotResource");
        if (hasResource && hasNotResource)
        {
            throw new InputException(file, place, "a statement may have \"Resource\" or \"NotResource\", not both");
        }
        foreach (var key in new[] { "Resource", "NotResource" }.Where(node.ContainsKey))
        {
            StringOrStrings(node[key], file, $"{place}.{key}");
        }
        foreach (var key in new[] { "Principal", "NotPrincipal" }.Where(node.ContainsKey))
        {
            Principal(node[key], file, $"{place}.{key}");
        }
        if (node.ContainsKey("Condition"))
        {
            Condition(node["Condition"], file, place + ".Condition");
        }
        if (!hasResource && !hasNotResource)
        {
            yield return $"{file}: {place}: no \"Resource\" or \"NotResource\" (right in a role trust policy; "
                + "an identity or resource policy needs one, and AWS would refuse it)";
        }
        foreach (var key in node.Select(p => p.Key).Where(k => !Known.Contains(k)))
        {
            yield return $"{file}: {place}: unknown key \"{InputException.Shown(key)}\" (IAM knows {string.Join(", ", Known)}); "
                + "copied as it is, and AWS would refuse it";
        }
        foreach (var key in new[] { "Action", "NotAction" }.Where(k => node[k] is JsonArray { Count: 0 }))
        {
            yield return $"{file}: {place}.{key}: an empty list ({(key == "Action" ? "grants nothing" : "excludes nothing")}; "
                + "AWS would refuse it)";
        }
    }

    private static void StringOrStrings(JsonNode? value, string file, string place)
    {
        if (IsString(value))
        {
            return;
        }
        if (value is JsonArray list && list.Count > 0)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (!IsString(list[i]))
                {
                    throw new InputException(file, $"{place}[{i}]", $"must be a string, found {Describe(list[i])}");
                }
            }
            return;
        }
        throw new InputException(file, place, $"must be a string or a non-empty array of strings, found {Describe(value)}");
    }

    /// <summary>IAM accepts <c>"*"</c> or an object such as <c>{"AWS": ["arn:…"]}</c> whose values are strings or arrays.</summary>
    private static void Principal(JsonNode? value, string file, string place)
    {
        if (value is JsonObject principals && principals.Count > 0)
        {
            foreach (var (kind, ids) in principals)
            {
                StringOrStrings(ids, file, $"{place}.{kind}");
            }
            return;
        }
        if (PolicyDocument.AsString(value) == "*")
        {
            return;
        }
        throw new InputException(file, place,
            $"must be \"*\" or a non-empty object such as {{\"AWS\": \"arn:…\"}}, found {Describe(value)}");
    }

    /// <summary>IAM: <c>{"Operator": {"key": value-or-values}}</c>.</summary>
    private static void Condition(JsonNode? value, string file, string place)
    {
        if (value is not JsonObject operators)
        {
            throw new InputException(file, place, $"must be an object {{\"Operator\": {{\"key\": \"value\"}}}}, found {Describe(value)}");
        }
        foreach (var (op, block) in operators)
        {
            if (block is not JsonObject keys)
            {
                throw new InputException(file, $"{place}.{op}", $"must be an object {{\"key\": \"value\"}}, found {Describe(block)}");
            }
            // A condition value is a string, number or boolean, or an array of them (IAM refuses anything deeper).
            foreach (var (key, given) in keys)
            {
                var values = given is JsonArray list ? list.Select((v, i) => (v, $"[{i}]")) : [(given, "")];
                foreach (var (item, index) in values)
                {
                    if (item is not JsonValue scalar || scalar.GetValueKind() is JsonValueKind.Null)
                    {
                        throw new InputException(file, JsonPlaces.Member(JsonPlaces.Member(place, op), key) + index,
                            $"must be a string, number or boolean (or an array of them), found {Describe(item)}");
                    }
                }
            }
        }
    }

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray a => a.Count == 0 ? "an empty array" : "an array",
        JsonObject o => o.Count == 0 ? "an empty object" : "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };
}
