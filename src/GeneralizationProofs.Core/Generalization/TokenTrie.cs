using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Generalization;

/// <summary>
/// The trie of a wildcard's catalog actions. The root is the wildcard's literal prefix as written; each node
/// extends its parent by one token of an action (the token ends come from a boundary function, so the same trie
/// serves token and character granularity). A node's prefix keeps the root's spelling and the catalog's spelling
/// after it, so every node prefix extends the root and <c>prefix*</c> stays inside the wildcard's language.
/// </summary>
public sealed class TokenTrie
{
    public sealed class Node
    {
        private readonly string _rootPrefix;
        private readonly string _action;
        private readonly string _foldedAction;
        private string? _prefix;
        private List<Node>? _children;

        /// <summary>A node whose prefix is the root's spelling followed by <paramref name="action"/>'s up to <paramref
        /// name="length"/>.</summary>
        internal Node(string rootPrefix, string action, string foldedAction, int length, Node? parent)
        {
            _rootPrefix = rootPrefix;
            _action = action;
            _foldedAction = foldedAction;
            Length = length;
            Parent = parent;
        }

        public int Length { get; }

        // Built on demand: most of a large trie's nodes are only ever searched for by their folded prefix.
        public string Prefix => _prefix ??= _rootPrefix + _action[_rootPrefix.Length..Length];

        /// <summary>The prefix with ASCII letters folded: the key every sorted action array is searched by.</summary>
        public ReadOnlySpan<char> FoldedPrefix => _foldedAction.AsSpan(0, Length);

        public Node? Parent { get; }
        public IReadOnlyList<Node> Children => _children ?? (IReadOnlyList<Node>)[];

        /// <summary>The catalog action that ends exactly at this node, if any.</summary>
        public string? Action { get; internal set; }

        /// <summary>Children stay in folded order; in catalog order a new child almost always goes last.</summary>
        internal void Add(Node child)
        {
            _children ??= [];
            var at = _children.Count;
            while (at > 0 && _children[at - 1].FoldedPrefix.SequenceCompareTo(child.FoldedPrefix) > 0)
            {
                at--;
            }
            _children.Insert(at, child);
        }
    }

    private TokenTrie(Node root) => Root = root;

    public Node Root { get; }

    /// <summary>
    /// Nodes are identified by their folded prefix, so two actions share a node when they share the text up to one
    /// of their token ends. The actions are taken in folded order; then every action that starts with a given prefix
    /// comes in one run, and the nodes that can be shared with the next action are exactly the open nodes whose
    /// prefix it starts with — a stack, ordered by length, with no dictionary and no string per lookup.
    /// </summary>
    public static TokenTrie Build(string rootPrefix, IEnumerable<string> actions, Func<string, List<int>> tokenEnds)
    {
        var root = new Node(rootPrefix, rootPrefix, AsciiCase.Fold(rootPrefix), rootPrefix.Length, null);
        var open = new List<Node> { root };
        string? previous = null;
        foreach (var action in actions)
        {
            var folded = AsciiCase.Fold(action);
            if (previous is not null && string.CompareOrdinal(previous, folded) > 0)
            {
                return Build(rootPrefix, actions.Order(AsciiCase.Comparer), tokenEnds);
            }
            previous = folded;
            while (!folded.AsSpan().StartsWith(open[^1].FoldedPrefix, StringComparison.Ordinal))
            {
                open.RemoveAt(open.Count - 1);
            }
            var node = root;
            foreach (var end in tokenEnds(action))
            {
                // Token ends inside the root (the root may end mid-token, as in s3:Ge*) are not nodes.
                if (end <= rootPrefix.Length)
                {
                    continue;
                }
                // open is ordered by length and all its prefixes are prefixes of this action: find by length.
                var at = open.Count;
                while (open[at - 1].Length > end)
                {
                    at--;
                }
                if (open[at - 1].Length == end)
                {
                    node = open[at - 1];
                    continue;
                }
                var child = new Node(rootPrefix, action, folded, end, node);
                node.Add(child);
                open.Insert(at, child);
                node = child;
            }
            node.Action = action;
        }
        return new TokenTrie(root);
    }

    public IEnumerable<Node> Nodes()
    {
        var stack = new Stack<Node>([Root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }
}
