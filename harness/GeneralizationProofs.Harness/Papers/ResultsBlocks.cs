using System.Text.RegularExpressions;

namespace GeneralizationProofs.Harness.Papers;

/// <summary>
/// The <c>&lt;!-- results:NAME --&gt; … &lt;!-- /results --&gt;</c> blocks of a Markdown paper: the one place that fills
/// them (so numbers in papers/ come only from a command) and reads them back (so a test can compare them with a fresh run).
/// <c>genproof bench-report --paper</c> and <c>genproof paper</c> both write through here.
/// </summary>
public static partial class ResultsBlocks
{
    [GeneratedRegex(@"(?<open><!-- results:(?<name>[a-z0-9-]+) -->\n)(?<body>.*?)(?<close><!-- /results -->)", RegexOptions.Singleline)]
    private static partial Regex Block();

    /// <summary>
    /// Replaces the body of each block named in <paramref name="bodies"/>. With <paramref name="everyBlock"/>, a block
    /// whose name has no body is bad input (the paper asks for a table the command does not make); without it, such a
    /// block is left as it is (a partial regeneration). Blocks named in <paramref name="ownedElsewhere"/> are another
    /// command's (papers/peers.md holds both the peers report's and the study's) and always left as they are.
    /// </summary>
    public static void Fill(string paper, IReadOnlyDictionary<string, string> bodies, bool everyBlock = true,
        IReadOnlyCollection<string>? ownedElsewhere = null)
    {
        var text = File.Exists(paper) ? File.ReadAllText(paper) : throw new InputException(paper, "file", "not found");
        var filled = Block().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (bodies.TryGetValue(name, out var body))
            {
                return m.Groups["open"].Value + body + m.Groups["close"].Value;
            }
            return everyBlock && ownedElsewhere?.Contains(name) != true
                ? throw new InputException(paper, $"results:{name}", $"no such table; tables: {string.Join(", ", bodies.Keys)}")
                : m.Value;
        });
        JsonInput.WriteAtomically(paper, filled);
    }

    /// <summary>The body of every block, by name, as the paper holds it now.</summary>
    public static Dictionary<string, string> Read(string text) =>
        Block().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value);
}
