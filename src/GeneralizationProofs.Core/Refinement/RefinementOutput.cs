using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Refinement;

/// <summary>The three ways a refinement is shown: the policy, a review-style diff, the analyzer-shaped recommendation.</summary>
public static class RefinementOutput
{
    public static string PolicyJson(PolicyRefinement refinement) => PolicyDocument.Write(refinement.Refined);

    /// <summary>
    /// One hunk per changed statement: removed entries as <c>-</c>, their replacements as <c>+</c> right after them,
    /// untouched entries with two spaces, as in a code review.
    /// </summary>
    public static string Diff(PolicyRefinement refinement)
    {
        var sb = new StringBuilder();
        var name = refinement.Original.Name;
        sb.Append($"--- {name} (original)\n+++ {name} (refined by strategy '{refinement.Strategy}')\n");
        foreach (var statement in refinement.Statements)
        {
            if (statement.Outcome is not (StatementOutcome.Refined or StatementOutcome.Removed))
            {
                continue;
            }
            var before = statement.Original.Actions.Count;
            var after = statement.RefinedActions.Count;
            var added = statement.Added ?? [];
            var excluded = statement.GrantedUnused?.Count ?? 0;
            var what = statement.Outcome == StatementOutcome.Removed ? "statement removed"
                : statement.Original.IsNotAction
                    ? $"NotAction {before} -> {after} entries, excluding the {excluded} unused action(s) it granted"
                : $"{before} -> {after} action entries";
            sb.Append($"@@ {statement.Original.Label}: {what} @@\n");
            foreach (var entry in statement.Entries)
            {
                var keptVerbatim = entry.Outputs.Count == 1 && entry.Outputs[0] == entry.Original;
                if (keptVerbatim)
                {
                    sb.Append($"   {entry.Original}\n");
                    continue;
                }
                sb.Append($"-  {entry.Original}\n");
                foreach (var output in entry.Outputs)
                {
                    sb.Append($"+  {output}\n");
                }
            }
            foreach (var entry in added)
            {
                sb.Append($"+  {entry}\n");
            }
        }
        if (!refinement.Changed)
        {
            sb.Append("(no change: the policy grants no unused action that this strategy removes)\n");
        }
        foreach (var note in refinement.Notes())
        {
            sb.Append($"note: {note}\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The recommendation as the analyzer's GetFindingRecommendation returns it: one step, CREATE_POLICY with the
    /// refined policy as a JSON string, or DETACH_POLICY when no Allow statement remains. With
    /// <paramref name="parts"/> (a split refinement), one CREATE_POLICY step per part, each carrying the existing
    /// policy's id: the parts together replace it.
    /// </summary>
    public static string Recommendation(PolicyRefinement refinement, string? resourceArn, string? policyUpdatedAt,
        IReadOnlyList<JsonObject>? parts = null)
    {
        var original = refinement.Original;
        var steps = new JsonArray();
        IReadOnlyList<JsonObject?> stepPolicies = refinement.Detach ? new JsonObject?[] { null } : [.. parts ?? [refinement.Refined]];
        foreach (var part in stepPolicies)
        {
            var step = new JsonObject
            {
                ["recommendedAction"] = part is null ? "DETACH_POLICY" : "CREATE_POLICY",
            };
            if (part is not null)
            {
                step["recommendedPolicy"] = part.ToJsonString();
            }
            step["existingPolicyId"] = original.Arn ?? original.Name;
            step["policyUpdatedAt"] = policyUpdatedAt ?? original.UpdatedAt;
            // As a JsonNode: the generic Add<T> would serialise T by reflection, which Native AOT cannot do.
            steps.Add((JsonNode)new JsonObject { ["unusedPermissionsRecommendedStep"] = step });
        }
        var recommendation = new JsonObject
        {
            ["recommendationType"] = "UnusedPermissionRecommendation",
            ["status"] = "SUCCEEDED",
            ["resourceArn"] = resourceArn,
            ["recommendedSteps"] = steps,
        };
        return PolicyDocument.Write(recommendation);
    }
}
