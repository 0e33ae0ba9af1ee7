using System.Text.Json.Nodes;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Refinement;

/// <summary>
/// A <see cref="PolicyRefinement"/> for a whole refined policy that a strategy returned (an external minimizer): the
/// refined document is kept exactly as returned, since that is what the verifier must judge; the statements are
/// aligned with the original's in order only so that the diff, the recommendation and the campaigns' metamorphic
/// properties can read it per statement. The verifier aligns again, by its own optimal matching, and reports any
/// statement the strategy added, changed beyond its Action, or reordered.
/// </summary>
public static class ReturnedRefinement
{
    public static PolicyRefinement Build(PolicyDocument original, JsonObject refined, string strategy, IReadOnlyList<string>? ignoredUnused)
    {
        var returned = PolicyDocument.Parse(refined, original.File).Statements;
        var statements = new List<StatementRefinement>(original.Statements.Count);
        var next = 0;
        foreach (var statement in original.Statements)
        {
            // Greedy in order: a statement left out of the answer was removed; the first later match is the partner.
            var partner = next < returned.Count && SameApartFromAction(statement, returned[next]) ? returned[next++] : null;
            statements.Add(Align(statement, partner));
        }
        return new PolicyRefinement(original, refined, statements, strategy, ignoredUnused ?? []);
    }

    private static StatementRefinement Align(Statement original, Statement? partner)
    {
        if (original.Effect == Effect.Deny || original.IsNotAction)
        {
            var outcome = original.Effect == Effect.Deny ? StatementOutcome.DenyKept : StatementOutcome.NotActionKept;
            return new StatementRefinement(original, outcome, Entries(original.Actions, partner?.Actions ?? original.Actions));
        }
        if (partner is null || partner.Actions.Count == 0)
        {
            return new StatementRefinement(original, StatementOutcome.Removed,
                original.Actions.Select(a => new EntryChange(a, EntryOutcome.Dropped, [], "left out by the strategy")).ToList());
        }
        var entries = Entries(original.Actions, partner.Actions);
        var unchanged = entries.All(e => e.Outcome == EntryOutcome.Kept) && entries.Sum(e => e.Outputs.Count) == original.Actions.Count;
        return new StatementRefinement(original, unchanged ? StatementOutcome.Unchanged : StatementOutcome.Refined, entries);
    }

    /// <summary>
    /// An original entry the answer repeats is kept; each new pattern is shown as a replacement of the first changed
    /// entry that matches or covers it (else of the first changed entry), so a diff reads as the refiner's would.
    /// </summary>
    private static List<EntryChange> Entries(IReadOnlyList<string> original, IReadOnlyList<string> outputs)
    {
        var kept = original.Where(o => outputs.Contains(o, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var changed = original.Where(o => !kept.Contains(o)).Distinct(StringComparer.Ordinal).ToList();
        var replacements = changed.ToDictionary(o => o, _ => new List<string>(), StringComparer.Ordinal);
        var orphans = new List<string>();
        foreach (var output in outputs.Where(o => !kept.Contains(o)).Distinct(StringComparer.Ordinal))
        {
            var pattern = new ActionPattern(output);
            var owner = changed.FirstOrDefault(o => new ActionPattern(o) is var source
                && (pattern.IsLiteral ? source.Matches(output) : source.Covers(pattern)));
            owner ??= changed.FirstOrDefault();
            (owner is null ? orphans : replacements[owner]).Add(output);
        }
        var entries = new List<EntryChange>(original.Count + 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in original)
        {
            if (kept.Contains(entry))
            {
                entries.Add(new EntryChange(entry, EntryOutcome.Kept, seen.Add(entry) ? [entry] : [], "kept by the strategy"));
            }
            else
            {
                var mine = seen.Add(entry) ? replacements[entry] : [];
                entries.Add(mine.Count == 0
                    ? new EntryChange(entry, EntryOutcome.Dropped, [], "dropped by the strategy")
                    : new EntryChange(entry, EntryOutcome.Replaced, mine, "replaced by the strategy"));
            }
        }
        if (orphans.Count > 0)
        {
            // Every original entry came through and the strategy added patterns: shown, never hidden.
            entries.Add(new EntryChange("(added by the strategy)", EntryOutcome.Replaced, orphans, "added by the strategy"));
        }
        return entries;
    }

    private static bool SameApartFromAction(Statement a, Statement b) =>
        a.Effect == b.Effect && a.IsNotAction == b.IsNotAction && JsonNode.DeepEquals(Rest(a), Rest(b));

    private static JsonObject Rest(Statement s)
    {
        var copy = (JsonObject)s.Node.DeepClone();
        copy.Remove("Action");
        copy.Remove("NotAction");
        return copy;
    }
}
