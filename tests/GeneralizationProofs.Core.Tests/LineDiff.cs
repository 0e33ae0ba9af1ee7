namespace GeneralizationProofs.Tests;

/// <summary>
/// A line diff for golden-file failures (as Boogie prints against its <c>.expect</c> files): hunks of <c>-</c>
/// expected and <c>+</c> actual lines with a little context, from a longest common subsequence. The files compared
/// are small (a refined policy), so the quadratic table is no concern.
/// </summary>
public static class LineDiff
{
    private const int Context = 2;

    /// <summary>Empty when the texts have the same lines; else the hunks, each headed by its line numbers.</summary>
    public static string Between(string expected, string actual)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var ops = Edits(a, b);
        var changed = ops.Select((op, i) => (op, i)).Where(x => x.op.Kind != ' ').Select(x => x.i).ToList();
        if (changed.Count == 0)
        {
            return "";
        }
        var output = new System.Text.StringBuilder();
        var start = 0;
        while (start < changed.Count)
        {
            // Changes closer than twice the context share a hunk.
            var end = start;
            while (end + 1 < changed.Count && changed[end + 1] - changed[end] <= 2 * Context + 1)
            {
                end++;
            }
            var from = Math.Max(0, changed[start] - Context);
            var to = Math.Min(ops.Count - 1, changed[end] + Context);
            var first = ops[from];
            output.Append($"@@ expected line {first.ExpectedLine}, actual line {first.ActualLine} @@\n");
            for (var i = from; i <= to; i++)
            {
                output.Append(ops[i].Kind).Append(' ').Append(ops[i].Text).Append('\n');
            }
            start = end + 1;
        }
        return output.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private sealed record Edit(char Kind, string Text, int ExpectedLine, int ActualLine);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], ++x, ++y));
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // Removals first, then additions, as a review diff shows a replaced line.
                edits.Add(new Edit('-', a[x], ++x, y + 1));
            }
            else
            {
                edits.Add(new Edit('+', b[y], x + 1, ++y));
            }
        }
        return edits;
    }
}
