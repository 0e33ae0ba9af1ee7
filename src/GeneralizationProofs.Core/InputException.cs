using System.Globalization;
using System.Text;

namespace GeneralizationProofs;

/// <summary>
/// Bad input: names the file and the place inside it (a JSON path, or line and column). The CLI prints
/// <see cref="Exception.Message"/> and exits 2; nothing else in the harness throws this type.
/// </summary>
public sealed class InputException(string file, string place, string problem)
    : Exception($"{Shown(file, MaxShownPath)}: {Shown(place, MaxShownPath)}: {EscapeControls(problem, keepNewlines: true)}")
{
    /// <summary>How much of a user's name a message shows: enough to recognise it, not a screenful.</summary>
    public const int MaxShown = 80;

    /// <summary>Paths and JSON paths get more room: their end (the file name, the key) is what identifies them.</summary>
    public const int MaxShownPath = 240;

    public string File { get; } = file;
    public string Place { get; } = place;
    public string Problem { get; } = problem;

    /// <summary>
    /// A user's text as a message shows it: control and invisible format characters escaped (a NUL would cut the
    /// message short in C tools, an escape sequence would drive the terminal, a newline would forge another line),
    /// and anything longer than <paramref name="max"/> characters cut, with its length said.
    /// </summary>
    public static string Shown(string text, int max = MaxShown)
    {
        if (text.Length <= max)
        {
            return EscapeControls(text, keepNewlines: false);
        }
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return $"{EscapeControls(text[..cut], keepNewlines: false)}… ({text.Length} characters)";
    }

    private static string EscapeControls(string text, bool keepNewlines)
    {
        if (!text.Any(c => NeedsEscape(c) && !(keepNewlines && c == '\n')))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsSurrogatePair(text, i);
            if (paired)
            {
                sb.Append(c).Append(text[++i]);
            }
            else if ((keepNewlines && c == '\n') || !NeedsEscape(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:X4}" });
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator;
}
