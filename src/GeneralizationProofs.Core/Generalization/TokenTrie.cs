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
    public sealed class Node(string prefix, Node? parent)
    {
        public string Prefix { get; } = prefix;
        public Node? Parent { get; } = parent;
        public List<Node> Children { get; } = [];

        /// <summary>The catalog action that ends exactly at this node, if any.</summary>
        public string? Action { get; internal set; }
    }

    private TokenTrie(Node root) => Root = root;

    public Node Root { get; }

    public static TokenTrie Build(string rootPrefix, IEnumerable<string> actions, Func<string, List<int>> tokenEnds)
    {
        var root = new Node(rootPrefix, null);
        var byPrefix = new Dictionary<string, Node>(StringComparer.Ordinal) { [AsciiCase.Fold(rootPrefix)] = root };
        foreach (var action in actions)
        {
            var node = root;
            foreach (var end in tokenEnds(action))
            {
                // Token ends inside the root (the root may end mid-token, as in s3:Ge*) are not nodes.
                if (end <= rootPrefix.Length)
                {
                    continue;
                }
                var prefix = rootPrefix + action[rootPrefix.Length..end];
                var key = AsciiCase.Fold(prefix);
                if (!byPrefix.TryGetValue(key, out var child))
                {
                    child = new Node(prefix, node);
                    node.Children.Add(child);
                    byPrefix[key] = child;
                }
                node = child;
            }
            node.Action = action;
        }
        foreach (var node in byPrefix.Values)
        {
            node.Children.Sort((a, b) => AsciiCase.Compare(a.Prefix, b.Prefix));
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
