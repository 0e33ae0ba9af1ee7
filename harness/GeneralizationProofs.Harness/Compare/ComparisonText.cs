using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.Compare;

/// <summary><c>genproof compare</c>'s output for one policy, as text and as JSON.</summary>
public static class ComparisonText
{
    public static string Text(PolicyComparison c)
    {
        var sb = new StringBuilder();
        sb.Append($"compare {c.Policy}: left '{c.LeftName}' vs right '{c.RightName}'\n");
        foreach (var s in c.Statements)
        {
            sb.Append($"{s.Label}: {PolicyComparison.Name(s.Relation)}\n");
            if (s.LeftOnly is { } l)
            {
                sb.Append($"  left only:  {Show(l)}\n");
            }
            if (s.RightOnly is { } r)
            {
                sb.Append($"  right only: {Show(r)}\n");
            }
            if (s.Reason is { } reason)
            {
                sb.Append($"  unknown: {reason}\n");
            }
        }
        sb.Append($"overall: {PolicyComparison.Name(c.Relation)}\n");
        sb.Append($"catalog actions granted by one side only: left {c.LeftOnlyCatalog.Count}{Sample(c.LeftOnlyCatalog)}, "
            + $"right {c.RightOnlyCatalog.Count}{Sample(c.RightOnlyCatalog)}\n");
        foreach (var f in c.Future)
        {
            sb.Append($"future actions of catalog {f.Catalog} ({f.NewActions} new): left only {f.LeftOnly}, right only {f.RightOnly}\n");
        }
        sb.Append($"patterns: left {c.Patterns.Left}, right {c.Patterns.Right}; "
            + $"characters: left {c.Characters.Left}, right {c.Characters.Right}\n");
        foreach (var note in c.Notes)
        {
            sb.Append($"note: {note}\n");
        }
        return sb.ToString();
    }

    private static string Show(Witness w) => w.InCatalog ? $"\"{w.Action}\" (catalog action)" : $"\"{w.Action}\" (in no catalog action)";

    private static string Sample(IReadOnlyList<string> actions) =>
        actions.Count == 0 ? "" : $" ({string.Join(", ", actions.Take(5))}{(actions.Count > 5 ? ", ..." : "")})";

    public static JsonObject JsonOf(PolicyComparison c) => new()
    {
        ["policy"] = c.Policy,
        ["left"] = c.LeftName,
        ["right"] = c.RightName,
        ["relation"] = PolicyComparison.Name(c.Relation),
        ["statements"] = new JsonArray(c.Statements.Select(s => (JsonNode)new JsonObject
        {
            ["statement"] = s.Label,
            ["relation"] = PolicyComparison.Name(s.Relation),
            ["leftOnly"] = WitnessJson(s.LeftOnly),
            ["rightOnly"] = WitnessJson(s.RightOnly),
            ["reason"] = s.Reason,
            ["leftPatterns"] = s.Left.Count,
            ["rightPatterns"] = s.Right.Count,
            ["queries"] = s.Queries,
        }).ToArray()),
        ["catalogLeftOnly"] = new JsonArray(c.LeftOnlyCatalog.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["catalogRightOnly"] = new JsonArray(c.RightOnlyCatalog.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["future"] = new JsonArray(c.Future.Select(f => (JsonNode)new JsonObject
        {
            ["catalog"] = f.Catalog, ["newActions"] = f.NewActions, ["leftOnly"] = f.LeftOnly, ["rightOnly"] = f.RightOnly,
        }).ToArray()),
        ["patterns"] = new JsonObject { ["left"] = c.Patterns.Left, ["right"] = c.Patterns.Right },
        ["characters"] = new JsonObject { ["left"] = c.Characters.Left, ["right"] = c.Characters.Right },
        ["notes"] = new JsonArray(c.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
        ["seconds"] = Math.Round(c.Seconds, 3),
    };

    public static string Json(PolicyComparison c) => PolicyDocument.Write(JsonOf(c));

    private static JsonNode? WitnessJson(Witness? w) =>
        w is null ? null : new JsonObject { ["action"] = w.Action, ["inCatalog"] = w.InCatalog };
}
