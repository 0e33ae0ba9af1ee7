using GeneralizationProofs.Harness.Study;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>A table of the harness paper and the command, printed under it, that writes it again.</summary>
public sealed record PaperTable(Table Table, string Command)
{
    public string Name => Table.Name;

    /// <summary>What goes between the table's results markers.</summary>
    public string Body()
    {
        var timing = Table.Timing is { Count: > 0 } t
            ? $" Timing columns ({string.Join(", ", t.Order().Select(i => Table.Header[i]))}) vary between runs; the rest is deterministic."
            : " Deterministic.";
        return Table.Markdown() + $"\nReproduce: `{Command}`.{timing}\n";
    }

    /// <summary>A cell safe inside a Markdown table: a pipe escaped, a line break as a space.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|").Replace('\n', ' ');
}
