using GeneralizationProofs.Harness.Reports;
using Spectre.Console;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// Writes an explanation for a person: in colour through Spectre.Console when the output is a terminal, as plain text
/// otherwise. Colour is off when <c>--no-color</c> is given, when <c>NO_COLOR</c> is set to anything but the empty
/// string (no-color.org), or when the text goes to a file or a pipe, so a redirected run never holds an escape code.
/// </summary>
public static class ExplainWriter
{
    public static bool UseColour(bool noColorOption, string? noColorVariable, bool outputIsTerminal) =>
        !noColorOption && string.IsNullOrEmpty(noColorVariable) && outputIsTerminal;

    /// <summary>The decision for this process: stdout a terminal (not redirected) and no <c>--out</c> file.</summary>
    public static bool UseColour(bool noColorOption, string? outFile) =>
        UseColour(noColorOption, Environment.GetEnvironmentVariable("NO_COLOR"), outFile is null && !Console.IsOutputRedirected);

    public static string Render(IReadOnlyList<ExplainLine> lines, bool colour)
    {
        if (!colour)
        {
            return RefinementExplanation.Text(lines);
        }
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(text),
            Interactive = InteractionSupport.No,
        });
        // Wide enough that Spectre never wraps a line: the explanation is read line by line, and copied.
        console.Profile.Width = 100_000;
        foreach (var line in lines)
        {
            console.Write(new string(' ', 2 * line.Indent));
            console.MarkupLine(Style(line.Kind) is { } style ? $"[{style}]{Markup.Escape(line.Text)}[/]" : Markup.Escape(line.Text));
        }
        return text.ToString();
    }

    private static string? Style(ExplainKind kind) => kind switch
    {
        ExplainKind.Heading => "bold",
        ExplainKind.Unsafe => "red",
        ExplainKind.Safe => "green",
        ExplainKind.Emitted => "bold green",
        ExplainKind.Note => "yellow",
        _ => null,
    };
}
