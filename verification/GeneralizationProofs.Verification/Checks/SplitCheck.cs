using System.Text.Json.Nodes;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// The union of the parts of a split equals the unsplit refinement (spec §6 limits; README "--split"). IAM grants the
/// union of what the statements of all attached policies grant, and statements with the same keys other than Action
/// grant the union of their Action lists; so statements are grouped by everything except Action (Effect, Sid,
/// Resource, Condition, NotAction, unknown keys, as JSON text), and per group L(union of the parts' patterns) =
/// L(union of the unsplit patterns) over all strings, both inclusions via <see cref="Query.OverAllStrings"/>: Sat names a
/// string one side grants and the other not. A group present on one side only refutes it, so do differing
/// document-level keys (Version, Id) and a part over the size limit.
/// Each inclusion is asked pattern by pattern against the other side's patterns whose literal prefix is compatible
/// (<see cref="PatternIndex"/>): every string of L(p) starts with p's literal prefix, so the others cannot match it.
/// </summary>
public static class SplitCheck
{
    public static SplitReport Check(JsonObject unsplit, IReadOnlyList<JsonObject> parts, PolicyType type, IQuerySolver solver)
    {
        var findings = new List<SplitFinding>();
        var sizes = parts.Select(p => PolicySize.Of(p, type)).ToList();
        findings.AddRange(sizes.Select((s, i) =>
            new SplitFinding($"part {i + 1} size", s.Over ? Verdict.Refuted : Verdict.Proved, s.Note)));
        foreach (var (part, i) in parts.Select((p, i) => (p, i)))
        {
            foreach (var key in unsplit.Select(k => k.Key).Union(part.Select(k => k.Key)).Where(k => k != "Statement"))
            {
                if (!JsonNode.DeepEquals(unsplit[key], part[key]))
                {
                    findings.Add(new SplitFinding($"part {i + 1} {key}", Verdict.Refuted,
                        $"{key} is {unsplit[key]?.ToJsonString() ?? "absent"} unsplit, {part[key]?.ToJsonString() ?? "absent"} here"));
                }
            }
        }
        var before = Groups([unsplit]);
        var after = Groups(parts);
        var queries = 0;
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var label = $"group {Label(key)}";
            if (!before.TryGetValue(key, out var original) || !after.TryGetValue(key, out var split))
            {
                findings.Add(new SplitFinding(label, Verdict.Refuted, before.ContainsKey(key)
                    ? "this statement is in no part" : "this statement is in a part but not in the unsplit refinement"));
                continue;
            }
            var missing = Included(original, split, "unsplit-in-parts", ref queries, solver);
            var extra = missing.Verdict == Verdict.Proved ? Included(split, original, "parts-in-unsplit", ref queries, solver) : missing;
            findings.Add(missing.Verdict != Verdict.Proved
                ? new SplitFinding(label, missing.Verdict,
                    missing.Witness is { } w ? $"the parts no longer grant \"{w}\"" : missing.Reason!)
                : extra.Verdict != Verdict.Proved
                    ? new SplitFinding(label, extra.Verdict,
                        extra.Witness is { } x ? $"the parts grant \"{x}\" beyond the unsplit" : extra.Reason!)
                    : new SplitFinding(label, Verdict.Proved, $"{original.Count} pattern(s), equal over all strings"));
        }
        return new SplitReport(Verdicts.All(findings.Select(f => f.Verdict)), findings, sizes, queries);
    }

    private static (Verdict Verdict, string? Witness, string? Reason) Included(
        List<string> included, List<string> within, string name, ref int queries, IQuerySolver solver)
    {
        var index = new PatternIndex(within);
        foreach (var pattern in included)
        {
            queries++;
            // Replayed through the matcher like every check's answer (CheckContext.Ask): a bogus witness is Unknown.
            var query = Query.OverAllStrings($"split {name} {pattern}", [pattern],
                index.Compatible(new Patterns.ActionPattern(pattern).LiteralPrefix));
            var answer = WitnessReplay.Check(query, solver.Decide(query));
            switch (answer.Kind)
            {
                case AnswerKind.Sat:
                    return (Verdict.Refuted, WitnessReplay.Show(answer.Witness!), null);
                case AnswerKind.Unknown:
                    return (Verdict.Unknown, null, answer.Reason);
            }
        }
        return (Verdict.Proved, null, null);
    }

    /// <summary>Statements by their keys other than Action (as JSON text), with their Action patterns pooled.</summary>
    private static Dictionary<string, List<string>> Groups(IEnumerable<JsonObject> documents)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var statements = document["Statement"] switch
            {
                JsonArray array => array.OfType<JsonObject>().ToList(),
                JsonObject one => [one],
                _ => [],
            };
            foreach (var statement in statements)
            {
                var rest = (JsonObject)statement.DeepClone();
                var action = rest["Action"];
                rest.Remove("Action");
                var key = rest.ToJsonString();
                var list = groups.TryGetValue(key, out var found) ? found : groups[key] = [];
                list.AddRange(action switch
                {
                    JsonArray a => a.Select(x => x!.GetValue<string>()),
                    JsonValue v => [v.GetValue<string>()],
                    _ => [],
                });
            }
        }
        return groups;
    }

    private static string Label(string key) => key.Length <= 80 ? key : key[..77] + "...";
}
