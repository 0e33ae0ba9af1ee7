using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;
using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Refinement;

/// <summary>
/// Applies a strategy to every Allow + Action statement (spec §3) and appends the strategy's exclusions to every Allow +
/// NotAction statement; Deny statements are kept verbatim; a statement whose Action list becomes empty is removed; key
/// order, Sid, Resource, Condition and unknown keys are untouched because the refined policy is a copy of the original
/// JSON with only Action and NotAction lists replaced.
/// </summary>
public sealed class PolicyRefiner(IGeneralizer strategy, GeneralizationContext context)
{
    public IGeneralizer Strategy => strategy;
    public GeneralizationContext Context => context;

    public PolicyRefinement Refine(PolicyDocument policy, IReadOnlyList<string>? ignoredUnused = null)
    {
        var results = policy.Statements.Select(RefineStatement).ToList();
        var refined = (JsonObject)policy.Document.DeepClone();
        var statements = new List<JsonNode>();
        foreach (var result in results)
        {
            if (result.Outcome == StatementOutcome.Removed)
            {
                continue;
            }
            var node = (JsonObject)result.Original.Node.DeepClone();
            if (result.Outcome == StatementOutcome.Refined)
            {
                var actions = result.RefinedActions;
                node[result.Original.IsNotAction ? "NotAction" : "Action"] = actions.Count == 1 && result.Original.ActionIsString
                    ? JsonValue.Create(actions[0])
                    : new JsonArray(actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
            }
            statements.Add(node);
        }
        refined["Statement"] = policy.StatementIsObject && statements.Count == 1 ? statements[0] : new JsonArray(statements.ToArray());
        return new PolicyRefinement(policy, refined, results, strategy.Name, ignoredUnused ?? []);
    }

    public StatementRefinement RefineStatement(Statement statement)
    {
        if (statement.Effect == Effect.Deny)
        {
            return new StatementRefinement(statement, StatementOutcome.DenyKept, Verbatim(statement.Actions));
        }
        if (statement.IsNotAction)
        {
            return RefineNotAction(statement);
        }
        var entries = RefineActions(statement.Actions);
        var outcome = entries.All(e => e.Outcome == EntryOutcome.Kept && e.Outputs.Count == 1 && e.Outputs[0] == e.Original)
            ? StatementOutcome.Unchanged
            : entries.All(e => e.Outputs.Count == 0) ? StatementOutcome.Removed : StatementOutcome.Refined;
        return new StatementRefinement(statement, outcome, entries);
    }

    /// <summary>
    /// Allow + NotAction: the existing entries stay in place and the strategy's exclusions are appended; nothing else in
    /// the statement changes. A strategy that cannot refine it leaves it verbatim, and the refinement says what it still grants.
    /// </summary>
    private StatementRefinement RefineNotAction(Statement statement)
    {
        var entries = Verbatim(statement.Actions);
        var granted = NotActionExclusions.StillGranted(statement.Actions, context);
        return strategy.NotActionAdditions(statement.Actions, context) switch
        {
            null => new StatementRefinement(statement, StatementOutcome.NotActionKept, entries, GrantedUnused: granted),
            { Count: 0 } => new StatementRefinement(statement, StatementOutcome.Unchanged, entries, GrantedUnused: granted),
            var added => new StatementRefinement(statement, StatementOutcome.Refined, entries, added, granted),
        };
    }

    private static List<EntryChange> Verbatim(IReadOnlyList<string> actions) =>
        actions.Select(a => new EntryChange(a, EntryOutcome.Kept, [a], "not refined")).ToList();

    /// <summary>Refines one Action list: each entry in place, then duplicates across entries removed.</summary>
    public List<EntryChange> RefineActions(IReadOnlyList<string> actions)
    {
        var changes = new List<EntryChange>(actions.Count);
        foreach (var text in actions)
        {
            var entry = new ActionPattern(text);
            if (entry.IsLiteral)
            {
                changes.Add(context.Unused.Contains(text)
                    ? new EntryChange(text, EntryOutcome.Dropped, [], "unused")
                    : new EntryChange(text, EntryOutcome.Kept, [text], context.Catalog.Contains(text) ? "used" : "not in the catalog"));
                continue;
            }
            var outputs = strategy.Generalize(entry, context);
            changes.Add(outputs.Count == 1 && outputs[0] == text
                ? new EntryChange(text, EntryOutcome.Kept, outputs, "matches no unused action")
                : outputs.Count == 0
                    ? new EntryChange(text, EntryOutcome.Dropped, outputs, "every action it matches is unused")
                    : new EntryChange(text, EntryOutcome.Replaced, outputs, "generalized"));
        }
        return RemoveEmittedCoveredByOtherEntries(RemoveDuplicatesAcrossEntries(changes));
    }

    /// <summary>
    /// Spec §3: duplicates go, and so does an emitted pattern that another entry's output already covers. Within one
    /// entry's replacements the strategy decides (so a strategy's own redundancy stays visible to the verifier).
    /// Kept entries are the user's: only their exact duplicates go.
    /// </summary>
    private static List<EntryChange> RemoveDuplicatesAcrossEntries(List<EntryChange> changes)
    {
        if (changes.Count < 2)
        {
            return changes;
        }
        var index = new OutputsByPrefix(changes);
        var dropped = new HashSet<(int Entry, string Output)>();
        var seen = new HashSet<string>(AsciiCase.EqualityComparer);
        var result = new List<EntryChange>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var outputs = new List<string>();
            foreach (var output in change.Outputs)
            {
                if (!seen.Add(output) || (change.Outcome == EntryOutcome.Replaced && CoveredByOtherEntry(new ActionPattern(output), i)))
                {
                    dropped.Add((i, output));
                    continue;
                }
                outputs.Add(output);
            }
            result.Add(outputs.Count == change.Outputs.Count
                ? change
                : change with { Outputs = outputs,
                    Reason = change.Reason + (outputs.Count == 0 ? "; duplicate of another entry" : "; duplicates removed") });
        }
        return result;

        // Earlier entries as they now stand (so of two equal-language outputs the first stays), later ones as emitted.
        bool CoveredByOtherEntry(ActionPattern pattern, int entry) =>
            index.Any(pattern.LiteralPrefix, (j, other) => j != entry && !(j < entry && dropped.Contains((j, other.Text)))
                && other.Covers(pattern) && !(j > entry && pattern.Covers(other)));
    }

    /// <summary>
    /// An emitted wildcard goes when the other entries' outputs already grant every kept action it grants, even if
    /// no single one covers it: <c>kafka:Describe*</c> emits <c>kafka:DescribeConfiguration*</c> while the user also
    /// lists <c>kafka:DescribeConfiguration</c> and <c>kafka:DescribeConfigurationRevision</c> (AWS ReadOnlyAccess).
    /// Keeping the literals grants less as the catalog grows, and the statement stays non-redundant (M2). Entries are
    /// judged as they stand after each removal, so two wildcards never both go for each other's sake; within one
    /// entry's replacements the strategy still decides.
    /// </summary>
    private List<EntryChange> RemoveEmittedCoveredByOtherEntries(List<EntryChange> changes)
    {
        if (changes.Count < 2 || !changes.Any(c => c.Outcome == EntryOutcome.Replaced))
        {
            return changes;
        }
        var outputs = changes.Select(c => c.Outputs.ToList()).ToList();
        var index = new OutputsByPrefix(changes);
        var removed = new HashSet<(int Entry, string Pattern)>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Outcome != EntryOutcome.Replaced)
            {
                continue;
            }
            foreach (var output in changes[i].Outputs.Where(o => !new ActionPattern(o).IsLiteral))
            {
                var kept = context.Catalog.Matching(new ActionPattern(output)).Where(a => !context.Unused.Contains(a)).ToList();
                // Another entry must grant one of them; the rest may be this entry's other outputs (compact's one-gap
                // globs overlap within an entry). An entry's own redundancy alone is left for the verifier to see (M2).
                if (kept.Count > 0 && kept.All(action => GrantedByAnotherEntry(action, i) || GrantedBySibling(action, i, output))
                    && kept.Any(action => GrantedByAnotherEntry(action, i)))
                {
                    outputs[i].Remove(output);
                    removed.Add((i, output));
                }
            }
        }
        return changes.Select((c, i) => outputs[i].Count == c.Outputs.Count
                ? c
                : c with { Outputs = outputs[i], Reason = c.Reason + "; other entries already grant what it would" })
            .ToList();

        bool GrantedByAnotherEntry(string action, int entry) =>
            index.Any(action, (j, other) => j != entry && !removed.Contains((j, other.Text)) && other.Matches(action));

        bool GrantedBySibling(string action, int entry, string output) =>
            outputs[entry].Any(other => other != output && new ActionPattern(other).Matches(action));
    }

    /// <summary>
    /// Every output of every entry by folded literal prefix. Only a pattern whose literal prefix starts a string can
    /// match it or cover a pattern with that literal prefix, so a test looks up the prefixes of one string instead of
    /// comparing all pairs (an `*` policy with ten service wildcards emits thousands of patterns; all pairs took most
    /// of its refinement).
    /// </summary>
    private sealed class OutputsByPrefix
    {
        private readonly Dictionary<string, List<(int Entry, ActionPattern Pattern)>> _byPrefix = new(StringComparer.Ordinal);

        public OutputsByPrefix(IReadOnlyList<EntryChange> changes)
        {
            for (var j = 0; j < changes.Count; j++)
            {
                foreach (var output in changes[j].Outputs)
                {
                    var pattern = new ActionPattern(output);
                    var key = AsciiCase.Fold(pattern.LiteralPrefix);
                    (_byPrefix.TryGetValue(key, out var list) ? list : _byPrefix[key] = []).Add((j, pattern));
                }
            }
        }

        /// <summary>Whether an output whose literal prefix starts <paramref name="text"/> (folded) satisfies the test.</summary>
        public bool Any(string text, Func<int, ActionPattern, bool> test)
        {
            var lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            var folded = AsciiCase.Fold(text);
            for (var length = 0; length <= folded.Length; length++)
            {
                if (lookup.TryGetValue(folded.AsSpan(0, length), out var outputs) && outputs.Any(o => test(o.Entry, o.Pattern)))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
