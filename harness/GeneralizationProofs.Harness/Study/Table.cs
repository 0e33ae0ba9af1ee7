using System.Text;

namespace GeneralizationProofs.Harness.Study;

/// <summary>A table as header and rows of cells, written as Markdown (for papers/) and CSV (for other tools).</summary>
/// <param name="Timing">the columns that hold measured times (or depend on them): a fresh run is compared without them.</param>
public sealed record Table(string Name, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlySet<int>? Timing = null)
{
    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Header).Append(" |\n");
        sb.Append('|').AppendJoin('|', Header.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
        foreach (var row in Rows)
        {
            sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }
        return sb.ToString();
    }

    public string Csv()
    {
        static string Cell(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header.Select(Cell)).Append('\n');
        foreach (var row in Rows)
        {
            sb.AppendJoin(',', row.Select(Cell)).Append('\n');
        }
        return sb.ToString();
    }
}
