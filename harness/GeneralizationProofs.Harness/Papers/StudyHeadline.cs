using GeneralizationProofs.Harness.Study;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// The strategy study's headline figures, read from the CSV tables <c>genproof bench-report</c> wrote (size.csv,
/// future-summary.csv, proofs.csv in the results folder): per strategy and folder, size and future permissiveness as
/// ratios to the reference, policies over the managed-policy limit, and the sampled proofs. Nothing is recomputed here.
/// </summary>
public static class StudyHeadline
{
    public static PaperTable Table(string results, string command)
    {
        var size = Read(results, "size.csv");
        var future = Read(results, "future-summary.csv");
        var proofs = Read(results, "proofs.csv");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in size.Rows)
        {
            var (strategy, folder) = (s["strategy"], s["folder"]);
            var f = future.Rows.FirstOrDefault(r => r["strategy"] == strategy && r["folder"] == folder)
                ?? throw new InputException(future.File, $"row {strategy}/{folder}", "missing");
            var p = proofs.Rows.FirstOrDefault(r => r["strategy"] == strategy && r["folder"] == folder);
            rows.Add([strategy, folder, s["patterns"], s.Ratio(0), s.Ratio(1), s["over 6,144"], f["all pairs"], f.Ratio(0),
                f.Ratio(1), p is null ? "" : $"{p["proved"]} of {p["policies"]}"]);
        }
        return new PaperTable(new Table("study", "Strategy study, headline figures (from papers/results/*.csv)",
            ["strategy", "folder", "patterns", "patterns × ref", "characters × ref", "over 6,144", "future actions (all pairs)",
                "future × ref", "future, next catalog × ref", "sampled proofs"], rows), command);
    }

    private sealed record CsvRow(string[] Header, string[] Cells)
    {
        public string this[string column] =>
            Cells[Array.IndexOf(Header, column) is var i and >= 0 ? i : throw new KeyNotFoundException(column)];

        /// <summary>The n-th "× ref" column (0-based), which the study writes after each figure.</summary>
        public string Ratio(int n) => Cells[Header.Select((h, i) => (h, i)).Where(x => x.h == "× ref").ElementAt(n).i];
    }

    private sealed record Csv(string File, List<CsvRow> Rows);

    private static Csv Read(string folder, string name)
    {
        var file = Path.Combine(folder, name);
        if (!File.Exists(file))
        {
            throw new InputException(file, "file", "not found (run genproof bench-report --out papers/results first)");
        }
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).Select(Split).ToList();
        if (lines.Count == 0)
        {
            throw new InputException(file, "line 1", "no header");
        }
        var header = lines[0];
        var rows = lines.Skip(1).Select((cells, i) => cells.Length == header.Length ? new CsvRow(header, cells)
            : throw new InputException(file, $"line {i + 2}", $"{cells.Length} cells, the header has {header.Length}")).ToList();
        return new Csv(file, rows);
    }

    /// <summary>One CSV line as <see cref="Study.Table.Csv"/> writes it: a cell with a comma or quote is quoted, quotes doubled.</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
