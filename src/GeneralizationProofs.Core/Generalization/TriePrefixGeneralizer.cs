using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// Shortest safe prefixes of a trie (spec §3), per wildcard entry: one that grants no unused action stays verbatim
/// (so does one unknown to the catalog); one ending in <c>*</c> is replaced by what <see cref="TrieWalk"/> emits over
/// the trie of its matched actions under its literal prefix, less the patterns another emitted pattern covers
/// (<c>DescribeInstance*</c> covers <c>DescribeInstances*</c>); any other wildcard by its kept actions as literals.
/// The granularity is the boundary function: CamelCase tokens for the reference, characters for the character trie.
/// Two variants change what a safe node emits: <paramref name="tightest"/> emits the longest common prefix of the
/// node's actions instead of the node's own prefix, and <paramref name="minNameTokens"/> descends into safe nodes
/// whose prefix has fewer action-name tokens than that (so <c>s3:Put*</c> becomes <c>s3:PutObject*</c>, ...).
/// </summary>
public class TriePrefixGeneralizer(
    string name, string description, PropertyKind claims, Func<string, List<int>> tokenEnds, bool tightest = false, int minNameTokens = 0)
    : IGeneralizer
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public PropertyKind Claims { get; } = claims;

    public static TriePrefixGeneralizer Reference() => new(
        "reference",
        "CamelCase-token trie, shortest safe prefixes (spec §3)",
        PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.Maximal | PropertyKind.NonRedundant,
        ActionTokenizer.TokenEnds);

    public static TriePrefixGeneralizer Character() => new(
        "character",
        "character trie, shortest safe prefixes (what character-level minimizers do); minimum in size",
        PropertyKind.All,
        CharacterEnds);

    public static TriePrefixGeneralizer Tightest() => new(
        "tightest",
        "CamelCase-token trie; under each safe node, the longest common token prefix of its actions (grants least to future actions)",
        PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant,
        ActionTokenizer.TokenEnds,
        tightest: true);

    /// <summary>
    /// Our own design. New actions mostly arrive as new nouns under existing verbs (a new resource type gets its
    /// Get/List/Create/Delete...), so a verb-only wildcard such as <c>ec2:Describe*</c> or <c>s3:Put*</c> absorbs
    /// them. Anchoring every emitted wildcard at verb + noun (two name tokens) excludes new nouns while adding far
    /// fewer patterns than the tightest prefixes do. Not M1-maximal by design: the verb-level coarsening is safe.
    /// </summary>
    public static TriePrefixGeneralizer VerbNoun() => new(
        "verb-noun",
        "CamelCase-token trie, shortest safe prefixes of at least two name tokens (verb + noun): no verb-only wildcards",
        PropertyKind.Sound | PropertyKind.NoEscalation | PropertyKind.Complete | PropertyKind.NonRedundant,
        ActionTokenizer.TokenEnds,
        minNameTokens: 2);

    /// <summary>Every character is a token: the granularity at which shortest safe prefixes are minimum in number.</summary>
    public static List<int> CharacterEnds(string action) => Enumerable.Range(1, action.Length).ToList();

    public string? CoarserPrefix(string literalPrefix)
    {
        var ends = tokenEnds(literalPrefix);
        // The token that ends at the prefix's end is dropped; what ends before it is the parent node.
        for (var i = ends.Count - 1; i >= 0; i--)
        {
            if (ends[i] < literalPrefix.Length)
            {
                return literalPrefix[..ends[i]];
            }
        }
        return literalPrefix.Length > 0 ? "" : null;
    }

    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context) => Generalize(entry, context, null);

    /// <summary>
    /// Shortest safe prefixes of the unused actions a NotAction statement grants, at this strategy's granularity. The
    /// tightest and verb-noun variants decide how far an Allow wildcard reaches into actions that do not exist yet;
    /// for an exclusion the shorter prefix is the one that grants less to them, so both use their granularity's plain
    /// shortest safe prefixes.
    /// </summary>
    public IReadOnlyList<string> NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) =>
        NotActionExclusions.ShortestSafePrefixes(notAction, context, tokenEnds);

    /// <summary>Spec §3 for one wildcard entry; <paramref name="observer"/>, if any, sees the trie walk's decisions.</summary>
    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context, ITrieWalkObserver? observer)
    {
        var (catalog, unused) = context;
        var matched = catalog.Matching(entry);
        // A wildcard that grants no unused action stays verbatim, also when the catalog knows none of its actions.
        if (!matched.Any(unused.Contains))
        {
            return [entry.Text];
        }
        if (Trie(entry, matched) is not { } trie)
        {
            return matched.Where(a => !unused.Contains(a)).ToList();
        }
        observer?.Walking(trie);
        return RemoveCovered(new TrieWalk(this, entry, unused, observer).FromRoot(trie.Root, catalog));
    }

    /// <summary>
    /// The trie of an entry's matched actions under its literal prefix. Only an entry ending in <c>*</c> has one: a
    /// node stands for <c>prefix*</c>, which may escape any other wildcard (<c>s3:Get?</c>, <c>rds:*DBSubnetGroup</c>),
    /// so those become their kept actions as literals.
    /// </summary>
    public TokenTrie? Trie(ActionPattern entry, IEnumerable<string> matched) =>
        entry.Text.EndsWith('*') ? TokenTrie.Build(entry.LiteralPrefix, matched, tokenEnds) : null;

    /// <summary>
    /// How the walk judges a node it never reached (for a picture of the whole trie, as <c>genproof trie</c> draws):
    /// safe or not, with its counts; such a node emits nothing.
    /// </summary>
    public NodeDecision Judge(ActionPattern entry, GeneralizationContext context, TokenTrie.Node node) =>
        new TrieWalk(this, entry, context.Unused, null).Judge(node, context.Catalog);

    /// <summary>What a safe node covering several actions emits: its own prefix, or for tightest the longest shared one.</summary>
    internal string Wildcard(TokenTrie.Node node, ReadOnlySpan<string> covered) =>
        (tightest ? CommonPrefixNode(node, covered) : node).Prefix + "*";

    /// <summary>
    /// The deepest node below <paramref name="node"/> whose prefix still starts every one of the node's actions: the
    /// longest prefix at a token boundary that they share. A string test like safety, so <c>ec2:DescribeLocalGateway*</c>
    /// covers <c>DescribeLocalGateways</c> although <c>Gateways</c> is a sibling token.
    /// </summary>
    private static TokenTrie.Node CommonPrefixNode(TokenTrie.Node node, ReadOnlySpan<string> covered)
    {
        // A node with its own action cannot go deeper: that action is exactly its prefix.
        while (node.Action is null)
        {
            TokenTrie.Node? coversAll = null;
            foreach (var child in node.Children)
            {
                if (ActionCatalog.Narrow(covered, child.FoldedPrefix).Length == covered.Length && child.Length > (coversAll?.Length ?? 0))
                {
                    coversAll = child;
                }
            }
            if (coversAll is null)
            {
                break;
            }
            node = coversAll;
        }
        return node;
    }

    /// <summary>A safe node this strategy will not emit: fewer action-name tokens than it asks for (verb-noun: two).</summary>
    internal bool TooCoarse(TokenTrie.Node node)
    {
        if (minNameTokens == 0)
        {
            return false;
        }
        var colon = node.Prefix.IndexOf(':');
        return colon < 0 || tokenEnds(node.Prefix).Count(end => end > colon + 1) < minNameTokens;
    }

    /// <summary>
    /// Drops exact duplicates and every literal or prefix glob that an earlier prefix glob covers. Sorted by folded
    /// literal prefix, the strings a glob <c>g*</c> covers follow it contiguously, so one sweep finds them.
    /// </summary>
    public static List<string> RemoveCovered(IEnumerable<string> patterns)
    {
        var result = new List<string>();
        string? glob = null;
        // Globs sort before the literal with the same prefix, so that literal is seen as covered.
        var sorted = patterns.Select(p => new ActionPattern(p))
            .OrderBy(p => p.LiteralPrefix, AsciiCase.Comparer).ThenBy(p => p.IsLiteral);
        foreach (var pattern in sorted)
        {
            var text = pattern.Text;
            if (glob is not null && AsciiCase.StartsWith(pattern.LiteralPrefix, glob))
            {
                continue;
            }
            if (result.Count > 0 && AsciiCase.Equal(result[^1], text))
            {
                continue;
            }
            result.Add(text);
            if (pattern.IsPrefixGlob)
            {
                glob = pattern.LiteralPrefix;
            }
        }
        return result;
    }
}
