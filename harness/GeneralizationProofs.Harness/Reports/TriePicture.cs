using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// The picture of one wildcard's trie walk that <see cref="TriePictureFormats"/> writes as text, DOT or SVG: the
/// decided nodes as rows in tree order (a node, then its subtrees) and what the entry became. The decided nodes hang
/// together from the root, since the walk decides every child of each node it enters. By default the rows are what
/// the walk reached (the HTML report draws that); with <c>wholeTrie</c> they are the whole trie (<c>genproof trie</c>),
/// the nodes the walk never reached judged the same way and emitting nothing.
/// </summary>
public sealed class TriePicture
{
    /// <summary>
    /// A decided node: <see cref="Parent"/> is its parent's row (-1 for the root), <see cref="Pattern"/> what the node
    /// stands for, and <see cref="Emitted"/> whether that pattern is in the entry's output.
    /// </summary>
    public sealed record Row(
        string Prefix, int Depth, int Parent, bool Safe, int CatalogActions, int KeptActions, string? Pattern, bool Emitted)
    {
        /// <summary>The prefix as drawn: the root of <c>*</c> has an empty one.</summary>
        public string Name => Prefix.Length == 0 ? "(root)" : Prefix;
    }

    private TriePicture(IReadOnlyList<Row> rows, IReadOnlyList<string> emitted)
    {
        Rows = rows;
        Emitted = emitted;
    }

    /// <summary>Empty when no trie was walked: the entry grants no unused action, or does not end in <c>*</c>.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>What the entry became: the strategy's output for it.</summary>
    public IReadOnlyList<string> Emitted { get; }

    public static TriePicture Of(TriePrefixGeneralizer strategy, ActionPattern entry, GeneralizationContext context, bool wholeTrie = false)
    {
        var recording = new Recording();
        var emitted = strategy.Generalize(entry, context, recording);
        var (trie, decisions) = (recording.Trie, recording.Decisions);
        if (wholeTrie)
        {
            trie ??= strategy.Trie(entry, context.Catalog.Matching(entry));
            foreach (var node in trie?.Nodes() ?? [])
            {
                if (!decisions.ContainsKey(node))
                {
                    decisions[node] = strategy.Judge(entry, context, node);
                }
            }
        }
        var inOutput = new HashSet<string>(emitted, AsciiCase.EqualityComparer);
        var rows = new List<Row>();
        void Add(TokenTrie.Node node, int depth, int parent)
        {
            var d = decisions[node];
            var row = rows.Count;
            rows.Add(new Row(node.Prefix, depth, parent, d.Safe, d.CatalogActions, d.KeptActions, d.Pattern,
                d.Pattern is { } pattern && inOutput.Contains(pattern)));
            foreach (var child in node.Children)
            {
                if (decisions.ContainsKey(child))
                {
                    Add(child, depth + 1, row);
                }
            }
        }
        if (trie is not null)
        {
            Add(trie.Root, 0, -1);
        }
        return new TriePicture(rows, emitted);
    }

    private sealed class Recording : ITrieWalkObserver
    {
        public TokenTrie? Trie { get; private set; }
        public Dictionary<TokenTrie.Node, NodeDecision> Decisions { get; } = [];

        public void Walking(TokenTrie trie) => Trie = trie;

        public void Decided(TokenTrie.Node node, NodeDecision decision) => Decisions.Add(node, decision);
    }
}
