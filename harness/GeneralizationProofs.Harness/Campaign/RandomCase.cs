using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Harness.Campaign;

/// <summary>
/// A generated refinement problem: a small catalog, a policy over it, and the unused actions (catalog actions, as
/// the analyzer reports them). Plain data, so it prints readably and shrinks by dropping parts.
/// </summary>
public sealed record RandomCase(
    IReadOnlyList<string> Catalog,
    IReadOnlyList<RandomStatement> Statements,
    IReadOnlyList<string> Unused,
    bool StatementAsObject = false)
{
    public ActionCatalog ActionCatalog() => new(Catalog, "generated", "generated");

    public ActionSet UnusedSet() => new(Unused);

    public PolicyDocument Policy() => PolicyDocument.FromText(PolicyJson(), "generated-policy");

    public string PolicyJson()
    {
        var statements = Statements.Select((s, i) =>
        {
            var node = new JsonObject { ["Sid"] = $"S{i}", ["Effect"] = s.Deny ? "Deny" : "Allow" };
            node[s.NotAction ? "NotAction" : "Action"] = s.ActionAsString && s.Actions.Count == 1
                ? JsonValue.Create(s.Actions[0])
                : new JsonArray(s.Actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
            node["Resource"] = "*";
            if (s.Condition)
            {
                node["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "true" } };
            }
            if (s.UnknownKey)
            {
                node["x-review-note"] = new JsonArray("kept as is", 1);
            }
            return (JsonNode)node;
        }).ToArray();
        var root = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = StatementAsObject && statements.Length == 1 ? statements[0] : new JsonArray(statements),
        };
        return PolicyDocument.Write(root);
    }

    /// <summary>The catalog actions the Allow + Action statements grant (what unused sets are drawn from).</summary>
    public static List<string> Granted(IReadOnlyList<string> catalog, IEnumerable<RandomStatement> statements)
    {
        var granted = new ActionCatalog(catalog).Granted(statements.Where(s => !s.Deny && !s.NotAction).SelectMany(s => s.Actions))
            .ToHashSet(StringComparer.Ordinal);
        return catalog.Where(granted.Contains).ToList(); // in the generator's order, so seeded cases stay the same
    }

    /// <summary>The smaller cases a failing case is retried as: fewer statements, entries, unused and catalog actions, plainer
    /// shapes.</summary>
    public IEnumerable<RandomCase> Shrink()
    {
        for (var i = 0; i < Statements.Count && Statements.Count > 1; i++)
        {
            yield return this with { Statements = Statements.Where((_, j) => j != i).ToList() };
        }
        for (var i = 0; i < Statements.Count; i++)
        {
            var s = Statements[i];
            for (var k = 0; k < s.Actions.Count && s.Actions.Count > 1; k++)
            {
                yield return WithStatement(i, s with { Actions = s.Actions.Where((_, j) => j != k).ToList() });
            }
            if (s.Condition || s.UnknownKey || s.ActionAsString)
            {
                yield return WithStatement(i, s with { Condition = false, UnknownKey = false, ActionAsString = false });
            }
        }
        for (var i = 0; i < Unused.Count; i++)
        {
            yield return this with { Unused = Unused.Where((_, j) => j != i).ToList() };
        }
        for (var i = 0; i < Catalog.Count && Catalog.Count > 1; i++)
        {
            var action = Catalog[i];
            yield return this with
            {
                Catalog = Catalog.Where((_, j) => j != i).ToList(),
                Unused = Unused.Where(u => !AsciiCase.Equal(u, action)).ToList(),
            };
        }
        if (StatementAsObject)
        {
            yield return this with { StatementAsObject = false };
        }
    }

    private RandomCase WithStatement(int index, RandomStatement statement) =>
        this with { Statements = Statements.Select((s, j) => j == index ? statement : s).ToList() };

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("catalog: ").Append(string.Join(", ", Catalog)).Append('\n');
        sb.Append("unused:  ").Append(Unused.Count == 0 ? "(none)" : string.Join(", ", Unused)).Append('\n');
        sb.Append("policy:\n").Append(PolicyJson());
        return sb.ToString();
    }
}
