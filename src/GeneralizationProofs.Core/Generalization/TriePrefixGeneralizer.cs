using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>What the trie walk decided at one node: the picture <c>genproof trie</c> draws.</summary>
public sealed record NodeDecision(TokenTrie.Node Node, bool Safe, int CatalogActions, int KeptActions, string? Emitted);

/// <summary>A generalization with its reasons: the trie (null for non-prefix wildcards) and each visited node's decision.</summary>
public sealed record TrieExplanation(TokenTrie? Trie, IReadOnlyDictionary<TokenTrie.Node, NodeDecision> Decisions, IReadOnlyList<string> Emitted);

/// <summary>
/// Shortest safe prefixes of a trie (spec §3). A node is safe when no unused action starts with its prefix
/// (a string test, not a trie-path test: <c>ec2:DescribeVolume*</c> also matches <c>DescribeVolumes</c>). Walking
/// down from the root through unsafe nodes, it emits each safe child that covers a kept action (as the literal
/// action when it covers exactly one catalog action, else as <c>prefix*</c>), and each kept action that ends on an
/// unsafe node as a literal (<c>s3:ListBucket</c> under an unused <c>ListBucketVersions</c>). A pattern another
/// emitted pattern covers is removed (<c>DescribeInstance*</c> covers <c>DescribeInstances*</c>).
/// Wildcards other than <c>prefix*</c> (a leading or inner <c>*</c>, a <c>?</c>) would let a prefix escape the
/// original language, so for those it emits the kept actions as literals.
/// A wildcard that matches no unused catalog action stays verbatim (so does one unknown to the catalog); one whose
/// matched actions are all unused yields nothing.
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

    // Without a picture to draw, no decision is recorded: a `*` walk decides ~19,000 nodes.
    public IReadOnlyList<string> Generalize(ActionPattern entry, GeneralizationContext context) =>
        Explain(entry, context, null, decideEveryNode: false).Emitted;

    /// <summary>
    /// Shortest safe prefixes of the unused actions a NotAction statement grants, at this strategy's granularity. The
    /// tightest and verb-noun variants decide how far an Allow wildcard reaches into actions that do not exist yet;
    /// for an exclusion the shorter prefix is the one that grants less to them, so both use their granularity's plain
    /// shortest safe prefixes.
    /// </summary>
    public IReadOnlyList<string> NotActionAdditions(IReadOnlyList<string> notAction, GeneralizationContext context) =>
        NotActionExclusions.ShortestSafePrefixes(notAction, context, tokenEnds);

    /// <param name="decideEveryNode">also decide the nodes the walk never reaches (for a picture of the whole trie).</param>
    public TrieExplanation Explain(ActionPattern entry, GeneralizationContext context, bool decideEveryNode = false) =>
        Explain(entry, context, new Dictionary<TokenTrie.Node, NodeDecision>(), decideEveryNode);

    private TrieExplanation Explain(ActionPattern entry, GeneralizationContext context,
        Dictionary<TokenTrie.Node, NodeDecision>? decisions, bool decideEveryNode)
    {
        var (catalog, unused) = context;
        var matched = catalog.Matching(entry);
        // Spec §3: a wildcard that matches no unused action stays verbatim; one that matches no kept action goes.
        var anyUnused = matched.Any(unused.Contains);
        // A wildcard ending in * other than prefix* (`ec2:?*`, `s3:Get*Object*`) gets a trie too, but a node may stand
        // for p* only when p* stays inside the entry's language (Inside); elsewhere the walk descends, down to literals.
        var endsInStar = entry.Text.EndsWith('*');
        var needsTrie = endsInStar && (decideEveryNode || anyUnused);
        var trie = needsTrie ? TokenTrie.Build(entry.LiteralPrefix, matched, tokenEnds) : null;
        var emitted = new List<string>();

        // covered: the catalog actions that start with the node's prefix; safe: no unused action does.
        string? Decide(TokenTrie.Node node, ReadOnlySpan<string> covered, bool safe)
        {
            // On a safe node every covered action is kept. Elsewhere kept actions are counted only for a picture.
            var kept = safe ? covered.Length : 0;
            if (!safe && decideEveryNode)
            {
                foreach (var action in covered)
                {
                    kept += unused.Contains(action) ? 0 : 1;
                }
            }
            string? emit = null;
            if (safe && kept > 0)
            {
                emit = covered.Length == 1 ? covered[0] : (tightest ? CommonPrefixNode(node, covered) : node).Prefix + "*";
            }
            else if (!safe && node.Action is { } action && !unused.Contains(action))
            {
                emit = action;
            }
            decisions?[node] = new NodeDecision(node, safe, covered.Length, kept, emit);
            return emit;
        }

        // node is unsafe (or, for verb-noun, safe but too short to emit). A child's actions (catalog and unused) are
        // among its parent's: each search narrows the parent's run instead of searching the whole catalog.
        void Visit(TokenTrie.Node node, string? ownLiteral, ReadOnlySpan<string> covered, ReadOnlySpan<string> unusedUnder)
        {
            // An unsafe node's own action, if kept, can only be emitted as a literal.
            if (ownLiteral is not null)
            {
                emitted.Add(ownLiteral);
            }
            foreach (var child in node.Children)
            {
                var childCovered = ActionCatalog.Narrow(covered, child.FoldedPrefix);
                var childUnused = ActionCatalog.Narrow(unusedUnder, child.FoldedPrefix);
                var childSafe = childUnused.IsEmpty && Inside(child);
                var childEmits = Decide(child, childCovered, childSafe);
                if (!childSafe)
                {
                    Visit(child, childEmits, childCovered, childUnused);
                }
                else if (childEmits is not null && TooShallow(child) && child.Children.Count > 0)
                {
                    // Safe, but too coarse for this strategy: walk on as if unsafe; its own action is kept.
                    Visit(child, child.Action, childCovered, childUnused);
                }
                else if (childEmits is not null)
                {
                    emitted.Add(childEmits);
                }
            }
        }

        if (!anyUnused)
        {
            KeepDecisions();
            return new TrieExplanation(trie, decisions ?? [], [entry.Text]);
        }
        if (trie is null)
        {
            return new TrieExplanation(null, decisions ?? [], matched.Where(a => !unused.Contains(a)).ToList());
        }
        var rootCovered = catalog.WithFoldedPrefix(trie.Root.FoldedPrefix);
        var rootUnused = unused.WithFoldedPrefix(trie.Root.FoldedPrefix);
        Visit(trie.Root, Decide(trie.Root, rootCovered, rootUnused.IsEmpty && Inside(trie.Root)), rootCovered, rootUnused);
        KeepDecisions();
        return new TrieExplanation(trie, decisions ?? [], RemoveCovered(emitted));

        // p* ⊆ L(x*) exactly when p ∈ L(x*): a prefix of p in L(x) is a prefix of every extension of p. For prefix*
        // entries every node of the trie is inside.
        bool Inside(TokenTrie.Node node) => entry.IsPrefixGlob || ActionPattern.Match(entry.Text, node.Prefix);

        // For a picture, every node gets a decision; the walk's own decisions (with what it emitted) win.
        void KeepDecisions()
        {
            if (trie is not null && decisions is not null && decideEveryNode)
            {
                foreach (var node in trie.Nodes().Where(n => !decisions.ContainsKey(n)))
                {
                    Decide(node, catalog.WithFoldedPrefix(node.FoldedPrefix), unused.WithFoldedPrefix(node.FoldedPrefix).IsEmpty && Inside(node));
                    decisions[node] = decisions[node] with { Emitted = null };
                }
            }
        }
    }

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

    private bool TooShallow(TokenTrie.Node node)
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
