using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// Refining an Allow + NotAction statement (spec §3). It grants every string outside L(X); to stop granting the unused
/// actions U_s it grants (unused, outside L(X)), X gains entries that exclude exactly them among catalog actions:
/// literals, or a prefix glob <c>p*</c> whose catalog actions are all in U_s ("safe": it excludes nothing the statement
/// must keep granting, and nothing X already excluded, so it stays inside what the statement granted). Excluding more
/// strings than the catalog knows only makes the statement grant less, so no added entry can escalate.
/// The walk is the reference generalizer's, turned around: a trie of U_s at a strategy's granularity, shortest safe
/// prefixes first; a safe node that covers one action is emitted as that literal, an unsafe node's own action as a
/// literal. The entries come out in catalog (folded) order; existing entries are never touched.
/// </summary>
public static class NotActionExclusions
{
    /// <summary>The unused actions a NotAction list X lets through (no entry matches them), catalog spelling, folded order.</summary>
    public static List<string> StillGranted(IReadOnlyList<string> notAction, GeneralizationContext context)
    {
        var index = new PatternsByPrefix(notAction);
        return context.Unused.Actions.Where(u => !index.AnyMatches(u)).Select(u => context.Catalog.Find(u) ?? u).ToList();
    }

    /// <summary>The still-granted unused actions as literals: what a strategy without wildcards adds.</summary>
    public static List<string> Literals(IReadOnlyList<string> notAction, GeneralizationContext context) =>
        StillGranted(notAction, context);

    /// <summary>
    /// Shortest safe prefixes of a trie of the still-granted unused actions, at the granularity of
    /// <paramref name="tokenEnds"/> (CamelCase tokens for the reference, characters for the character trie). For
    /// <c>""</c> the first level is the service prefix under the token rule. Empty when nothing unused is granted.
    /// </summary>
    public static List<string> ShortestSafePrefixes(
        IReadOnlyList<string> notAction, GeneralizationContext context, Func<string, List<int>> tokenEnds)
    {
        var granted = StillGranted(notAction, context);
        if (granted.Count == 0)
        {
            return [];
        }
        var catalog = context.Catalog;
        // Safety counts catalog actions: a node is safe when every catalog action under it is one of the granted unused
        // ones. Unused actions the catalog does not know are excluded too (as literals or under a safe glob), but they
        // cannot make a node safe or unsafe.
        var grantedInCatalog = granted.Where(catalog.Contains).ToArray();
        var trie = TokenTrie.Build("", granted, tokenEnds);
        var emitted = new List<string>();

        bool Safe(TokenTrie.Node node) =>
            catalog.WithFoldedPrefix(node.FoldedPrefix).Length == ActionCatalog.Narrow(grantedInCatalog, node.FoldedPrefix).Length;

        void Emit(TokenTrie.Node node, ReadOnlySpan<string> under) =>
            emitted.Add(under.Length == 1 ? under[0] : node.Prefix + "*");

        // node is unsafe: its own action (a granted unused one) can only go as a literal; its children are judged in turn.
        void Visit(TokenTrie.Node node, ReadOnlySpan<string> under)
        {
            if (node.Action is { } own)
            {
                emitted.Add(own);
            }
            foreach (var child in node.Children)
            {
                var childUnder = ActionCatalog.Narrow(under, child.FoldedPrefix);
                if (Safe(child))
                {
                    Emit(child, childUnder);
                }
                else
                {
                    Visit(child, childUnder);
                }
            }
        }

        var all = granted.ToArray();
        if (Safe(trie.Root))
        {
            Emit(trie.Root, all);
        }
        else
        {
            Visit(trie.Root, all);
        }
        // Safety is about strings, not trie paths: a sibling whose prefix extends a safe node's (DescribeVolume* and
        // DescribeVolumes*) is safe too and covered by it; the covered one goes, so every entry excludes its own actions.
        return TriePrefixGeneralizer.RemoveCovered(emitted);
    }

    /// <summary>
    /// Patterns by folded literal prefix: only a pattern whose literal prefix starts a string can match it, so a
    /// string is tested against the patterns under its own prefixes, not the whole list (a refined NotAction list can
    /// hold thousands of entries, tested against thousands of unused actions).
    /// </summary>
    public sealed class PatternsByPrefix
    {
        private readonly Dictionary<string, List<ActionPattern>> _byPrefix = new(StringComparer.Ordinal);

        public PatternsByPrefix(IEnumerable<string> patterns)
        {
            foreach (var text in patterns)
            {
                var pattern = new ActionPattern(text);
                var key = AsciiCase.Fold(pattern.LiteralPrefix);
                (_byPrefix.TryGetValue(key, out var list) ? list : _byPrefix[key] = []).Add(pattern);
            }
        }

        /// <summary>The patterns that match <paramref name="text"/>, in no particular order.</summary>
        public IEnumerable<ActionPattern> Matching(string text)
        {
            var folded = AsciiCase.Fold(text);
            for (var length = 0; length <= folded.Length; length++)
            {
                if (_byPrefix.TryGetValue(folded[..length], out var patterns))
                {
                    foreach (var pattern in patterns.Where(p => p.Matches(text)))
                    {
                        yield return pattern;
                    }
                }
            }
        }

        public bool AnyMatches(string text) => Matching(text).Any();
    }
}
