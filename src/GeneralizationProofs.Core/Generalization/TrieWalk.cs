using GeneralizationProofs.Catalog;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// The walk of spec §3 over the trie of one wildcard entry. The root is unsafe (an unused action is under the entry,
/// or there is no walk). Going down from the root through unsafe nodes, the walk decides every child:
/// <list type="bullet">
/// <item>safe — no unused action starts with its prefix, and <c>prefix*</c> stays inside the entry — and covering a
/// kept action: a shortest safe prefix, emitted as the literal action when it covers exactly one catalog action,
/// else as <c>prefix*</c>; the walk stops there;</item>
/// <item>unsafe: its own action, when kept, is emitted as a literal (<c>s3:ListBucket</c> kept under an unused
/// <c>ListBucketVersions</c>: dropping it would be a completeness bug), and the walk descends.</item>
/// </list>
/// Safety is a string test, not a trie-path test: <c>ec2:DescribeVolume*</c> also matches <c>DescribeVolumes</c>.
/// For an entry with a leading or inner <c>*</c> (<c>autoscaling:*LoadBalancer*</c>) a node whose <c>prefix*</c> would
/// escape the entry's language is not safe, so the walk descends through it, down to literals if it must.
/// An entry whose matched actions are all unused emits nothing: every node with an action under it is unsafe.
/// </summary>
internal sealed class TrieWalk(TriePrefixGeneralizer strategy, ActionPattern entry, ActionSet unused, ITrieWalkObserver? observer)
{
    private readonly List<string> _emitted = [];

    /// <summary>What the walk emits from the root down, before patterns that others cover are removed.</summary>
    public List<string> FromRoot(TokenTrie.Node root, ActionCatalog catalog)
    {
        var covered = catalog.WithFoldedPrefix(root.FoldedPrefix);
        var unusedUnder = unused.WithFoldedPrefix(root.FoldedPrefix);
        var safe = Safe(root, unusedUnder);
        Descend(root, Decide(root, covered, safe), covered, unusedUnder);
        return _emitted;
    }

    /// <summary>
    /// The decision for a node the walk never reached, searched from the whole catalog (for a picture of the whole
    /// trie). It emits nothing, so its pattern is left out.
    /// </summary>
    public NodeDecision Judge(TokenTrie.Node node, ActionCatalog catalog)
    {
        var covered = catalog.WithFoldedPrefix(node.FoldedPrefix);
        return Decision(covered, Safe(node, unused.WithFoldedPrefix(node.FoldedPrefix)), null);
    }

    /// <summary>
    /// Enters an unsafe node (or, for verb-noun, a safe one too coarse to emit): its own kept action can only be a
    /// literal. <paramref name="covered"/> and <paramref name="unusedUnder"/> are the catalog and unused actions
    /// under the node; a child's are among its parent's, so each search narrows the parent's instead of the catalog.
    /// </summary>
    private void Descend(TokenTrie.Node node, string? ownLiteral, ReadOnlySpan<string> covered, ReadOnlySpan<string> unusedUnder)
    {
        if (ownLiteral is not null)
        {
            _emitted.Add(ownLiteral);
        }
        foreach (var child in node.Children)
        {
            var childCovered = ActionCatalog.Narrow(covered, child.FoldedPrefix);
            var childUnused = ActionCatalog.Narrow(unusedUnder, child.FoldedPrefix);
            var safe = Safe(child, childUnused);
            var pattern = Decide(child, childCovered, safe);
            if (!safe)
            {
                Descend(child, pattern, childCovered, childUnused);
            }
            else if (pattern is not null && strategy.TooCoarse(child) && child.Children.Count > 0)
            {
                // Safe, but coarser than this strategy emits: walk on as if unsafe; the node's own action is kept.
                Descend(child, child.Action, childCovered, childUnused);
            }
            else if (pattern is not null)
            {
                _emitted.Add(pattern);
            }
        }
    }

    /// <summary>No unused action starts with the node's prefix, and <c>prefix*</c> stays inside the entry's language.</summary>
    private bool Safe(TokenTrie.Node node, ReadOnlySpan<string> unusedUnder) => unusedUnder.IsEmpty && Inside(node);

    /// <summary>
    /// p* ⊆ L(x*) exactly when p ∈ L(x*): a prefix of p in L(x) is a prefix of every extension of p. For a
    /// <c>prefix*</c> entry every node of its trie is inside.
    /// </summary>
    private bool Inside(TokenTrie.Node node) => entry.IsPrefixGlob || ActionPattern.Match(entry.Text, node.Prefix);

    /// <summary>
    /// The pattern a node stands for: on a safe node every covered action is kept, and the node is a shortest safe
    /// prefix (the literal when it covers one catalog action); an unsafe node stands only for its own kept action.
    /// The decision goes to the observer, if any: without one, nothing is built.
    /// </summary>
    private string? Decide(TokenTrie.Node node, ReadOnlySpan<string> covered, bool safe)
    {
        var pattern = safe
            ? covered.Length switch { 0 => null, 1 => covered[0], _ => strategy.Wildcard(node, covered) }
            : node.Action is { } action && !unused.Contains(action) ? action : null;
        observer?.Decided(node, Decision(covered, safe, pattern));
        return pattern;
    }

    // Kept actions under an unsafe node matter only to a picture, so they are counted only for one.
    private NodeDecision Decision(ReadOnlySpan<string> covered, bool safe, string? pattern)
    {
        var kept = covered.Length;
        if (!safe)
        {
            foreach (var action in covered)
            {
                kept -= unused.Contains(action) ? 1 : 0;
            }
        }
        return new NodeDecision(safe, covered.Length, kept, pattern);
    }
}
