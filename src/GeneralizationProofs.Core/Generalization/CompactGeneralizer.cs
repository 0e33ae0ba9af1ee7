using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// Fewer characters among sound, escalation-free, complete outputs: for when a refinement must fit the IAM size limit
/// (spec §6). Per wildcard entry ending in <c>*</c>, two outputs, and the one with fewer characters as written wins
/// (at equal cost the first):
/// <list type="number">
/// <item>the character trie's shortest safe prefixes, with a safe node that covers a single catalog action emitted as
/// <c>p*</c> when that is shorter than its literal (the character trie emits the literal). Among literals and prefix
/// globs this is minimum in characters: every sound, escape-free pattern covering a kept action a is a or q* with q a
/// safe prefix of a, so it costs at least min(|a|, |shortest safe prefix| + 1), and distinct shortest safe prefixes are
/// disjoint, so no pattern serves two of them;</item>
/// <item>for a prefix-glob entry, <see cref="GlobCover"/>: a greedy cover of the kept actions by <c>p*s</c> and
/// <c>*t*</c> globs after the service, each matching no unused action and inside the entry.</item>
/// </list>
/// The cover is neither prefix globs (M1 and M3 are defined for those, and the verifier answers M1 Unknown on any other
/// glob) nor certified minimum (greedy set cover), so compact claims sound, no escalation, complete and M2 only.
/// </summary>
public sealed class CompactGeneralizer : IGeneralizer
{
    private static readonly TriePrefixGeneralizer CharacterTrie = TriePrefixGeneralizer.Character();

    public string Name => "compact";

    public string Description =>
        "fewer characters: per wildcard, the shorter of the character trie's safe prefixes and a greedy cover by p*s and *t* globs";

    // M1 and M3 are defined for prefix globs: an entry covered by one-gap globs (GlobCover) has neither, so they are
    // measured, not claimed.
    public PropertyKind Claims => PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant;

    public string? CoarserPrefix(string literalPrefix) => CharacterTrie.CoarserPrefix(literalPrefix);

    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context) => Choose(entry, context).Output;

    /// <summary>Both candidates for <paramref name="entry"/> and the one taken (the output of <see cref="Generalize"/>).</summary>
    public static CompactChoice Choose(ActionPattern entry, GeneralizationContext context)
    {
        var outputs = CharacterTrie.Generalize(entry, context);
        // Only a trie walk over an entry ending in * emits the literals of safe nodes; verbatim entries, enumerated
        // non-star entries (s3:Get?bject) and unknown wildcards are left as the character trie gives them.
        if (!entry.Text.EndsWith('*') || outputs.Count == 1 && outputs[0] == entry.Text)
        {
            return new(outputs, null, false);
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
            return new(prefixes, null, false);
        }
        var kept = context.Catalog.Matching(entry).Where(a => !context.Unused.Contains(a)).ToList();
        var cover = GlobCover.Cover(entry, kept, context)?.Order(AsciiCase.Comparer).ToList();
        // The cheaper of the two in characters as written; at equal cost the prefix output, whose globs read as names.
        return new(prefixes, cover, cover is not null && CompactChoice.Characters(cover) < CompactChoice.Characters(prefixes));
    }

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
