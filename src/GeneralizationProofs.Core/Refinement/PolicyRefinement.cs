using System.Text.Json.Nodes;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Refinement;

public sealed record PolicyRefinement(
    PolicyDocument Original,
    JsonObject Refined,
    IReadOnlyList<StatementRefinement> Statements,
    string Strategy,
    IReadOnlyList<string> IgnoredUnused)
{
    /// <summary>No Allow statement remains: the recommendation is to detach the policy.</summary>
    public bool Detach => !Statements.Any(s => s.Original.Effect == Effect.Allow && s.Outcome != StatementOutcome.Removed);

    public bool Changed => Statements.Any(s => s.Outcome is StatementOutcome.Refined or StatementOutcome.Removed);

    /// <summary>The refined policy's size against the limit of its type (spec §6).</summary>
    public SizeReport Size(PolicyType type) => PolicySize.Of(Refined, type);

    /// <summary>What a reader must be told: statements kept without refinement, and unused actions left out.</summary>
    public IEnumerable<string> Notes()
    {
        foreach (var s in Statements.Where(s => s.Outcome == StatementOutcome.NotActionKept))
        {
            var granted = s.GrantedUnused ?? [];
            var list = string.Join(", ", granted.Take(10)) + (granted.Count > 10 ? ", ..." : "");
            yield return $"{s.Original.Label}: Allow with NotAction is not refinable by strategy '{Strategy}'; kept verbatim, "
                + (granted.Count == 0 ? "it grants no unused action" : $"so it still grants {granted.Count} unused action(s): {list}");
        }
        if (IgnoredUnused.Count > 0)
        {
            var shown = string.Join(", ", IgnoredUnused.Take(10)) + (IgnoredUnused.Count > 10 ? ", ..." : "");
            yield return $"{IgnoredUnused.Count} unused action(s) not in the catalog were ignored: {shown}";
        }
        if (Detach)
        {
            yield return "no Allow statement remains: detach the policy";
        }
    }
}
