using System.Text;

namespace GeneralizationProofs.Harness.External;

/// <summary>
/// Splits the command of <c>exec:COMMAND ARGS…</c> into a program and its arguments: whitespace separates, single or
/// double quotes group (no escapes inside single quotes; a backslash escapes a quote inside double quotes). No shell
/// runs, so what the user typed is exactly what the process gets, on every platform.
/// </summary>
public static class CommandLine
{
    public static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (q == '"' && c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\')
                {
                    word.Append(command[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else
                {
                    word.Append(c);
                }
            }
        }
        if (quote is not null)
        {
            throw new InputException("--strategy", command, $"unterminated {quote} quote");
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words.Count > 0 ? words : throw new InputException("--strategy", "exec:", "names no command");
    }
}
