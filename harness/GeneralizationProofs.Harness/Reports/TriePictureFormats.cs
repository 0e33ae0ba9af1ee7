using System.Net;
using System.Text;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// A <see cref="TriePicture"/> as indented text (a terminal), Graphviz DOT, or SVG (the HTML report, or a file):
/// safe nodes green, unsafe red, and a node whose pattern is in the output marked (bold, thick border, <c>=&gt; emit</c>).
/// </summary>
public static class TriePictureFormats
{
    public static string Text(TriePicture picture)
    {
        var sb = new StringBuilder();
        foreach (var row in picture.Rows)
        {
            var mark = row.Safe ? "[safe]  " : "[UNSAFE]";
            var emitted = row.Emitted ? $"  => emit {row.Pattern}" : "";
            sb.Append($"{new string(' ', row.Depth * 2)}{mark} {row.Name} ({row.KeptActions}/{row.CatalogActions} kept){emitted}\n");
        }
        return sb.Append($"emitted: {string.Join(", ", picture.Emitted)}\n").ToString();
    }

    /// <summary>Graphviz DOT: the pattern of an emitted node under its prefix; render with <c>dot -Tsvg</c>.</summary>
    public static string Dot(TriePicture picture)
    {
        var sb = new StringBuilder("digraph trie {\n  rankdir=LR;\n")
            .Append("  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\"];\n");
        for (var i = 0; i < picture.Rows.Count; i++)
        {
            var row = picture.Rows[i];
            var label = $"{DotEscape(row.Name)}\\n{(row.Safe ? "safe" : "unsafe")}, {row.KeptActions}/{row.CatalogActions} kept";
            if (row.Emitted)
            {
                label += $"\\nemit {DotEscape(row.Pattern!)}";
            }
            var fill = row.Safe ? "#c8e6c9" : "#ffcdd2";
            sb.Append($"  n{i} [label=\"{label}\", fillcolor=\"{fill}\"{(row.Emitted ? ", penwidth=3" : "")}];\n");
        }
        for (var i = 0; i < picture.Rows.Count; i++)
        {
            if (picture.Rows[i].Parent >= 0)
            {
                sb.Append($"  n{picture.Rows[i].Parent} -> n{i};\n");
            }
        }
        return sb.Append("}\n").ToString();
    }

    private static string DotEscape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private const int RowHeight = 22, Indent = 22;
    private const double CharWidth = 7.4;

    /// <summary>
    /// An indented tree (one node per row, children below their parent and further right), which stays readable for
    /// the hundreds of children a service wildcard has. Beyond <paramref name="maxRows"/> rows it says how many it
    /// left out. Each node shows its pattern, also one the output does not keep (a covered or too coarse one).
    /// </summary>
    public static string Svg(TriePicture picture, int maxRows = int.MaxValue)
    {
        if (picture.Rows.Count == 0)
        {
            return "<p class=\"muted\">(no trie: no unused action under this wildcard)</p>";
        }
        var rows = picture.Rows.Take(maxRows).ToList();
        var left = picture.Rows.Count - rows.Count;
        var labels = rows.Select(SvgLabel).ToList();
        int TextWidth(int i) => (int)Math.Ceiling(labels[i].Length * CharWidth);
        var width = rows.Select((r, i) => r.Depth * Indent + TextWidth(i) + 24).DefaultIfEmpty(200).Max();
        var height = rows.Count * RowHeight + (left > 0 ? RowHeight : 0) + 4;
        var sb = new StringBuilder(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"monospace\" font-size=\"12\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var x = row.Depth * Indent + 2;
            var y = i * RowHeight + 2;
            if (row.Parent >= 0)
            {
                var px = (row.Depth - 1) * Indent + 10;
                sb.Append($"<path d=\"M{px} {row.Parent * RowHeight + 20} V{y + 9} H{x}\" fill=\"none\" stroke=\"#8c959f\"/>");
            }
            var (fill, stroke) = row.Safe ? ("#dafbe1", "#1a7f37") : ("#ffebe9", "#cf222e");
            sb.Append($"<g class=\"{(row.Safe ? "safe" : "unsafe")}\">")
              .Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{TextWidth(i) + 12}\" height=\"18\" rx=\"4\" ")
              .Append($"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(row.Emitted ? 3 : 1)}\"/>")
              .Append($"<text x=\"{x + 6}\" y=\"{y + 13}\">{WebUtility.HtmlEncode(labels[i])}</text></g>");
        }
        if (left > 0)
        {
            sb.Append($"<text x=\"2\" y=\"{rows.Count * RowHeight + 16}\" fill=\"#656d76\">")
              .Append($"… {left} more nodes not drawn (genproof trie draws them all)</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string SvgLabel(TriePicture.Row row) =>
        $"{row.Name}  ({(row.Safe ? "safe" : "unsafe")}, {row.CatalogActions} actions){(row.Pattern is { } p ? $" → {p}" : "")}";
}
