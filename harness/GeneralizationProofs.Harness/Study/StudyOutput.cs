using System.Text;
using GeneralizationProofs.Harness.Papers;

namespace GeneralizationProofs.Harness.Study;

/// <summary>The study's tables on disk: NAME.md and NAME.csv per table, an index, and the paper's results blocks filled.</summary>
public static class StudyOutput
{
    public static void Write(string folder, IReadOnlyList<Table> tables, StudyResult result)
    {
        Directory.CreateDirectory(folder);
        var index = new StringBuilder();
        index.Append("# Strategy study results\n\n");
        index.Append("Written by `genproof bench-report`; do not edit by hand. ");
        index.Append($"Catalogs {string.Join(", ", result.CatalogDates)}; unused rate {result.UnusedRate}; seed {result.Seed}; ");
        index.Append(result.Sample == 1 ? "every policy" : $"every {result.Sample}th policy").Append(".\n");
        if (result.Unreadable.Count > 0)
        {
            index.Append($"\n{result.Unreadable.Count} policies could not be read and are not counted:\n\n");
            foreach (var problem in result.Unreadable)
            {
                index.Append("- ").Append(problem).Append('\n');
            }
        }
        if (result.FailureMessages is { Count: > 0 } failures)
        {
            index.Append($"\n{failures.Count} refinements failed (counted in the failed table, left out of the others):\n\n");
            foreach (var failure in failures)
            {
                index.Append("- ").Append(failure).Append('\n');
            }
        }
        foreach (var table in tables)
        {
            index.Append($"\n## {table.Title}\n\n").Append(table.Markdown());
            JsonInput.WriteAtomically(Path.Combine(folder, table.Name + ".md"), table.Markdown());
            JsonInput.WriteAtomically(Path.Combine(folder, table.Name + ".csv"), table.Csv());
        }
        JsonInput.WriteAtomically(Path.Combine(folder, "README.md"), index.ToString());
    }

    /// <summary>Replaces each results block of the paper by the named table, so numbers in papers/ come only from here.</summary>
    /// <param name="ownedElsewhere">blocks another command fills (left as they are; any other unknown name is an error).</param>
    public static void FillPaper(string paper, IReadOnlyList<Table> tables, IReadOnlyCollection<string>? ownedElsewhere = null) =>
        FillPaper(paper, tables.ToDictionary(t => t.Name, t => t.Markdown()), ownedElsewhere);

    /// <summary>The same with the command that wrote them under each table (<see cref="PaperTable.Body"/>), so that a
    /// reader and a test can tell which run every number comes from.</summary>
    public static void FillPaper(string paper, IReadOnlyList<Table> tables, string command, IReadOnlyCollection<string>? ownedElsewhere) =>
        FillPaper(paper, tables.ToDictionary(t => t.Name, t => new PaperTable(t, command).Body()), ownedElsewhere);

    /// <summary>A command line as a shell reads it: an argument with spaces or quotes in single quotes.</summary>
    public static string CommandLine(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quoted));

    private static string Quoted(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";

    /// <summary>The same with Markdown blocks by name, for results that are not tables (counterexamples).</summary>
    public static void FillPaper(string paper, IReadOnlyDictionary<string, string> blocks,
        IReadOnlyCollection<string>? ownedElsewhere = null) =>
        ResultsBlocks.Fill(paper, blocks, everyBlock: true, ownedElsewhere);
}
