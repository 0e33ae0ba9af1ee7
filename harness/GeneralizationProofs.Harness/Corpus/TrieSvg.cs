using System.Net;
using System.Text;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Harness.Corpus;

/// <summary>
/// A trie as an SVG, drawn as an indented tree (one node per row, children below their parent and further right),
/// which stays readable for the hundreds of children a service wildcard has. Only decided nodes are drawn.
/// </summary>
public static class TrieSvg
{
    private const int RowHeight = 22, Indent = 22;
    private const double CharWidth = 7.4;

    public static string Draw(TrieExplanation explanation, int maxRows)
    {
        if (explanation.Trie is not { } trie)
        {
            return "<p class=\"muted\">(no trie: no unused action under this wildcard)</p>";
        }
        var rows = new List<(TokenTrie.Node Node, int Depth, int ParentRow)>();
        void Walk(TokenTrie.Node node, int depth, int parentRow)
        {
            if (rows.Count >= maxRows)
            {
                return;
            }
            var row = rows.Count;
            rows.Add((node, depth, parentRow));
            foreach (var child in node.Children.Where(explanation.Decisions.ContainsKey))
            {
                Walk(child, depth + 1, row);
            }
        }
        Walk(trie.Root, 0, -1);
        // The decided nodes hang together from the root (the walk decides the children of each node it enters).
        var left = explanation.Decisions.Count - rows.Count;
        var emitted = new HashSet<string>(explanation.Emitted, AsciiCase.EqualityComparer);
        var labels = rows.Select(r => Label(r.Node, explanation.Decisions.GetValueOrDefault(r.Node))).ToList();
        int TextWidth(int i) => (int)Math.Ceiling(labels[i].Length * CharWidth);
        var width = rows.Select((r, i) => r.Depth * Indent + TextWidth(i) + 24).DefaultIfEmpty(200).Max();
        var height = rows.Count * RowHeight + (left > 0 ? RowHeight : 0) + 4;
        var sb = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"monospace\" font-size=\"12\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (node, depth, parentRow) = rows[i];
            var x = depth * Indent + 2;
            var y = i * RowHeight + 2;
            if (parentRow >= 0)
            {
                var px = (depth - 1) * Indent + 10;
                sb.Append($"<path d=\"M{px} {parentRow * RowHeight + 20} V{y + 9} H{x}\" fill=\"none\" stroke=\"#8c959f\"/>");
            }
            var decision = explanation.Decisions.GetValueOrDefault(node);
            var (fill, stroke) = decision is null ? ("#ffffff", "#8c959f") : decision.Safe ? ("#dafbe1", "#1a7f37") : ("#ffebe9", "#cf222e");
            var isEmitted = decision?.Emitted is { } e && emitted.Contains(e);
            sb.Append($"<g class=\"{(decision is null ? "undecided" : decision.Safe ? "safe" : "unsafe")}\"><rect x=\"{x}\" y=\"{y}\" width=\"{TextWidth(i) + 12}\" height=\"18\" rx=\"4\" ")
              .Append($"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(isEmitted ? 3 : 1)}\"/>")
              .Append($"<text x=\"{x + 6}\" y=\"{y + 13}\">{WebUtility.HtmlEncode(labels[i])}</text></g>");
        }
        if (left > 0)
        {
            sb.Append($"<text x=\"2\" y=\"{rows.Count * RowHeight + 16}\" fill=\"#656d76\">… {left} more nodes not drawn (genproof trie draws them all)</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string Label(TokenTrie.Node node, NodeDecision? decision)
    {
        var prefix = node.Prefix.Length == 0 ? "(root)" : node.Prefix;
        if (decision is null)
        {
            return prefix;
        }
        var emit = decision.Emitted is { } e ? $" → {e}" : "";
        return $"{prefix}  ({(decision.Safe ? "safe" : "unsafe")}, {decision.CatalogActions} actions){emit}";
    }
}
