namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// Compares the tables a paper holds with a fresh run's: the same header, the same rows, equal cells outside the timing
/// columns, and the same reproduce command. Each difference is one line naming the table, the row and the column.
/// </summary>
public static class PaperComparison
{
    public static List<string> Differences(string paperText, IEnumerable<PaperTable> fresh)
    {
        var blocks = ResultsBlocks.Read(paperText);
        var differences = new List<string>();
        foreach (var table in fresh)
        {
            if (!blocks.TryGetValue(table.Name, out var body))
            {
                differences.Add($"{table.Name}: no results block in the paper");
                continue;
            }
            var lines = body.Split('\n');
            var paperRows = lines.Where(l => l.StartsWith('|')).Select(Cells).Where((_, i) => i != 1).ToList();
            var freshRows = table.Table.Markdown().Split('\n').Where(l => l.StartsWith('|')).Select(Cells).Where((_, i) => i != 1).ToList();
            if (!paperRows.FirstOrDefault([]).SequenceEqual(freshRows[0]))
            {
                differences.Add($"{table.Name}: header [{string.Join(" | ", paperRows.FirstOrDefault([]))}], "
                    + $"fresh [{string.Join(" | ", freshRows[0])}]");
                continue;
            }
            if (paperRows.Count != freshRows.Count)
            {
                differences.Add($"{table.Name}: {paperRows.Count - 1} rows in the paper, {freshRows.Count - 1} in a fresh run");
                continue;
            }
            var timing = table.Table.Timing ?? new HashSet<int>();
            for (var r = 1; r < freshRows.Count; r++)
            {
                for (var c = 0; c < freshRows[r].Count; c++)
                {
                    var paperCell = c < paperRows[r].Count ? paperRows[r][c] : "(missing)";
                    if (!timing.Contains(c) && paperCell != freshRows[r][c])
                    {
                        differences.Add($"{table.Name}, row {r} ({freshRows[r][0]}), column {freshRows[0][c]}: "
                            + $"paper {paperCell}, fresh {freshRows[r][c]}");
                    }
                }
            }
            if (!body.Contains($"Reproduce: `{table.Command}`", StringComparison.Ordinal))
            {
                differences.Add($"{table.Name}: the paper does not say it was made by `{table.Command}`");
            }
        }
        return differences;
    }

    /// <summary>The cells of one Markdown table line, splitting at pipes that are not escaped.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append("\\|");
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }
        return cells;
    }
}
