using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// Fewest characters among sound, escalation-free, complete outputs, at character granularity: for when a refinement
/// must fit the IAM size limit (spec §6). It is the character trie's shortest safe prefixes, with one change: a safe
/// node that covers a single catalog action is emitted as <c>p*</c> when that is shorter than the action's literal
/// name (the character trie emits the literal), trading what a future action under <c>p</c> would be granted for size.
/// <para>
/// Why this is minimum in characters at its granularity. A prefix p is safe for an entry when no unused action starts
/// with p (case-insensitively) and p* stays inside the entry (for an entry with a leading or inner <c>*</c>: p ∈ L(entry),
/// the README's rule, since then every extension of p is in L(entry) too). For a kept action a:
/// (1) every sound pattern covering a is a literal (a itself) or a glob q* with q a prefix of a that is safe — an
/// escape-free, sound glob that grants a must start with a safe prefix of a; so its length is at least
/// |shortest safe prefix of a| + 1, and a's literal costs |a|: the cheaper of the two is what compact emits;
/// (2) two distinct shortest safe prefixes are disjoint (neither is a prefix of the other: the shorter would make the
/// longer one's parent safe), so no pattern can serve two of them more cheaply than their own, and the set of
/// shortest safe prefixes, each as the cheaper of <c>p*</c> and (when it covers one action) the literal, is minimum in
/// characters among outputs built from literals and prefix globs; the count is the character trie's, minimum (M3).
/// A kept action that is a prefix of an unused one has no safe prefix at all and goes as its literal.
/// The verifier certifies the parts: Sound, NoEscalation, Complete, NonRedundant, and Maximal with the coarser
/// candidate "drop one character" — each emitted p* has an unsafe or escaping parent, i.e. p is the shortest safe one.
/// </para>
/// Built on the character trie's public output (its walk is shared with the other trie strategies), then each literal
/// a safe node emitted is replaced by its shortest safe prefix glob when that saves characters.
/// </summary>
public sealed class CompactGeneralizer : IGeneralizer
{
    private static readonly TriePrefixGeneralizer CharacterTrie = TriePrefixGeneralizer.Character();

    public string Name => "compact";

    public string Description =>
        "fewer characters: per wildcard, the shorter of the character trie's safe prefixes and a greedy cover by one-star globs";

    // M1 and M3 are defined for prefix globs: an entry covered by one-star globs (GlobCover) has neither, so they are
    // measured, not claimed.
    public PropertyKind Claims => PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant;

    public string? CoarserPrefix(string literalPrefix) => CharacterTrie.CoarserPrefix(literalPrefix);

    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context)
    {
        var outputs = CharacterTrie.Generalize(entry, context);
        // Only a trie walk over an entry ending in * emits the literals of safe nodes; verbatim entries, enumerated
        // non-star entries (s3:Get?bject) and unknown wildcards are left as the character trie gives them.
        if (!entry.Text.EndsWith('*') || outputs.Count == 1 && outputs[0] == entry.Text)
        {
            return outputs;
        }
        var result = new List<string>(outputs.Count);
        foreach (var output in outputs)
        {
            var pattern = new ActionPattern(output);
            var shortest = pattern.IsLiteral && context.Catalog.Contains(output) ? ShortestSafePrefix(output, entry, context) : null;
            // p* (|p| + 1 characters) only when strictly shorter than the literal: at equal length the literal grants less.
            result.Add(shortest is not null && shortest.Length + 1 < output.Length ? shortest + "*" : output);
        }
        var prefixes = TriePrefixGeneralizer.RemoveCovered(result);
        if (!entry.IsPrefixGlob)
        {
            return prefixes;
        }
        var kept = context.Catalog.Matching(entry).Where(a => !context.Unused.Contains(a)).ToList();
        // The cheaper of the two in characters as written; at equal cost the prefix output, whose globs read as names.
        return GlobCover.Cover(entry, kept, context) is { } cover && Characters(cover) < Characters(prefixes)
            ? cover.Order(AsciiCase.Comparer).ToList()
            : prefixes;
    }

    private static int Characters(IEnumerable<string> patterns) => patterns.Sum(GlobCover.Cost);

    /// <summary>
    /// The shortest prefix of <paramref name="action"/>, at least the entry's literal prefix, that no unused action
    /// starts with and whose glob stays inside <paramref name="entry"/>; null when none (the action is itself a prefix of
    /// an unused one). Both tests are monotone along the action (a longer prefix is safe and inside when a shorter one
    /// is), so the first hit is the node where the character trie's walk stopped.
    /// </summary>
    public static string? ShortestSafePrefix(string action, ActionPattern entry, GeneralizationContext context)
    {
        var folded = AsciiCase.Fold(action);
        for (var length = entry.LiteralPrefix.Length; length <= action.Length; length++)
        {
            var prefix = action[..length];
            if (context.Unused.WithFoldedPrefix(folded.AsSpan(0, length)).IsEmpty
                && (entry.IsPrefixGlob || ActionPattern.Match(entry.Text, prefix)))
            {
                return prefix;
            }
        }
        return null;
    }

    // A NotAction list gains the character trie's shortest safe exclusions unchanged: a shorter exclusion glob would
    // need every catalog action under it unused, which is exactly what the trie walk already tests.
    public IReadOnlyList<string> NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) =>
        NotActionExclusions.ShortestSafePrefixes(notAction, context, TriePrefixGeneralizer.CharacterEnds);
}
