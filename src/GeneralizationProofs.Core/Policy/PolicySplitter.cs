using System.Text.Json.Nodes;

namespace GeneralizationProofs.Policy;

/// <summary>
/// A policy over its size limit as several policies that each fit (managed policies: a principal can have several
/// attached). IAM evaluates the statements of all attached policies together — an action is allowed when some Allow
/// statement of some policy allows it and no Deny statement of any denies it — so any partition of the statements
/// grants what the whole did, and a statement with an Action list is the union of statements with the same other keys
/// and parts of its list. Packing: first-fit decreasing over the statements (a statement too big for one policy
/// first becomes several, each with a greedy run of its Action list), measured by <see cref="PolicySize"/> on the
/// part as written; the fewest parts is what FFD gives (within 11/9 of the optimum), which the caller reports.
/// Parts of one statement keep its Sid and never share a policy (IAM wants Sids unique within a policy).
/// </summary>
public static class PolicySplitter
{
    /// <summary>
    /// The parts, each a copy of <paramref name="document"/> (Version, Id and other keys kept) with some of its
    /// statements; the document itself when it fits. A part still over the limit (one entry alone too big) is left for
    /// the caller's size report to show.
    /// </summary>
    public static List<JsonObject> Split(JsonObject document, int limit)
    {
        if (PolicySize.Characters(document) <= limit)
        {
            return [(JsonObject)document.DeepClone()];
        }
        var statements = Statements(document);
        var units = new List<(int Origin, int Seq, JsonObject Statement, int Size)>();
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var unit in Fitting(document, statements[i], limit))
            {
                units.Add((i, units.Count, unit, PolicySize.Characters(unit)));
            }
        }
        var parts = new List<(List<(int Seq, JsonObject Statement)> Statements, HashSet<int> Origins)>();
        foreach (var unit in units.OrderByDescending(u => u.Size).ThenBy(u => u.Seq))
        {
            var home = parts.FirstOrDefault(p => !p.Origins.Contains(unit.Origin)
                && Fits(document, [.. p.Statements.Select(s => s.Statement), unit.Statement], limit));
            if (home.Statements is null)
            {
                home = ([], []);
                parts.Add(home);
            }
            home.Statements.Add((unit.Seq, unit.Statement));
            home.Origins.Add(unit.Origin);
        }
        // Within a part, statements keep their original order, so a reader finds them where they were.
        return parts.Select(p => Part(document, p.Statements.OrderBy(s => s.Seq).Select(s => s.Statement))).ToList();
    }

    /// <summary>
    /// Why a refinement's split still has a part over the limit, one line per statement that alone does not fit a policy
    /// of its own and cannot be split (a NotAction list, or a single-entry Action); empty when every statement can fit.
    /// </summary>
    public static List<string> Unfittable(JsonObject document, int limit)
    {
        var statements = Statements(document);
        var reasons = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (Fits(document, [statement], limit) || statement["Action"] is JsonArray { Count: > 1 })
            {
                continue;
            }
            var effect = statement["Effect"]?.GetValue<string>() ?? "?";
            var sid = statement["Sid"] is JsonValue v && v.TryGetValue<string>(out var text) ? $" (Sid {text})" : "";
            var size = PolicySize.Characters(Part(document, [statement]));
            var why = statement["NotAction"] is JsonArray list
                ? $"{effect} + NotAction of {list.Count:N0} entries: a part of a NotAction list would "
                    + (effect == "Deny" ? "deny" : "grant") + " what the rest excludes, so it cannot be split"
                    + (effect == "Deny" ? "; a Deny statement is never refined, so the original's is as long" : "")
                : "one entry, nothing to split";
            reasons.Add($"statement {i + 1}{sid} alone is {size:N0} characters, over {limit:N0}: {why}");
        }
        return reasons;
    }

    /// <summary>The statements of a policy document: its Statement array, or the single Statement object.</summary>
    private static List<JsonObject> Statements(JsonObject document) => document["Statement"] switch
    {
        JsonArray array => array.Select(s => (JsonObject)s!).ToList(),
        JsonObject one => [one],
        _ => [],
    };

    private static bool Fits(JsonObject document, IEnumerable<JsonObject> statements, int limit) =>
        PolicySize.Characters(Part(document, statements)) <= limit;

    private static JsonObject Part(JsonObject document, IEnumerable<JsonObject> statements)
    {
        // Built key by key: cloning the whole document (its full Statement list) per candidate part was quadratic.
        var part = new JsonObject();
        foreach (var (key, value) in document)
        {
            part[key] = key == "Statement" ? new JsonArray(statements.Select(s => s.DeepClone()).ToArray()) : value?.DeepClone();
        }
        return part;
    }

    /// <summary>
    /// The statement as is when it fits a policy of its own; else copies with the same other keys, each holding a greedy
    /// run of its Action list. Only an Action list is split: a NotAction statement grants (or denies) everything outside
    /// its list, and a part of that list would grant (or deny) more, so such a statement goes alone into a part that
    /// stays over the limit (<see cref="Unfittable"/>).
    /// </summary>
    private static IEnumerable<JsonObject> Fitting(JsonObject document, JsonObject statement, int limit)
    {
        if (Fits(document, [statement], limit))
        {
            return [statement];
        }
        if (statement["Action"] is not JsonArray actions || actions.Count < 2)
        {
            // Alone in a part that stays over the limit; Unfittable says why.
            return [statement];
        }
        // Copies are made from the statement with an empty Action list (same key order): cloning the whole list for
        // every candidate run made a 10,000-literal statement quadratic.
        var template = WithActions(statement, []);
        var result = new List<JsonObject>();
        var run = new List<string>();
        foreach (var action in actions.Select(a => a!.GetValue<string>()))
        {
            if (run.Count > 0 && !Fits(document, [WithActions(template, [.. run, action])], limit))
            {
                result.Add(WithActions(template, run));
                run = [];
            }
            run.Add(action);
        }
        result.Add(WithActions(template, run));
        return result;
    }

    private static JsonObject WithActions(JsonObject statement, IReadOnlyList<string> actions)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in statement)
        {
            copy[key] = key == "Action"
                ? new JsonArray(actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray())
                : value?.DeepClone();
        }
        return copy;
    }
}
