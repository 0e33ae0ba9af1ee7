using System.CommandLine;
using System.Text;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof trie</c>: the trie of one wildcard with safe and unsafe nodes marked, as DOT or as text.</summary>
public static class TrieVerb
{
    public static Command Create()
    {
        var catalog = CliCommon.CatalogOption();
        var pattern = new Option<string>("--pattern") { Description = "a prefix wildcard, e.g. s3:Get*", Required = true };
        var unused = new Option<string?>("--unused") { Description = "unused actions (without: every node is safe)" };
        var strategy = CliCommon.StrategyOption();
        var format = new Option<string>("--format") { Description = "dot | text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("dot", "text");
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var command = new Command("trie", "Draw the trie of a wildcard: safe and unsafe nodes, and what is emitted")
        {
            catalog, pattern, unused, strategy, format, ignore,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var actions = ActionCatalog.Load(r.GetValue(catalog)!);
            var unusedSet = r.GetValue(unused) is { } file ? UnusedActions.Load(file, actions, r.GetValue(ignore), out _) : ActionSet.None;
            var entry = new ActionPattern(r.GetValue(pattern)!);
            if (!entry.IsPrefixGlob)
            {
                throw new InputException("--pattern", entry.Text, "the trie is drawn for prefix wildcards such as s3:Get*");
            }
            if (CliCommon.Strategy(r, r.GetValue(strategy)!) is not TriePrefixGeneralizer generalizer)
            {
                throw new InputException("--strategy", r.GetValue(strategy)!, "only trie strategies (reference, character) have a trie to draw");
            }
            var explanation = generalizer.Explain(entry, new GeneralizationContext(actions, unusedSet), decideEveryNode: true);
            Console.Out.Write(r.GetValue(format) == "dot" ? TrieGraph.Dot(explanation) : TrieGraph.Text(explanation));
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>The two pictures of a trie.</summary>
public static class TrieGraph
{
    /// <summary>Graphviz DOT: safe nodes green, unsafe red, emitted patterns bold with the pattern under the prefix.</summary>
    public static string Dot(TrieExplanation explanation)
    {
        var nodes = explanation.Trie?.Nodes().ToList() ?? [];
        var ids = nodes.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => $"n{x.i}");
        var sb = new StringBuilder("digraph trie {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\"];\n");
        foreach (var node in nodes)
        {
            var d = explanation.Decisions.GetValueOrDefault(node);
            var fill = d is null ? "white" : d.Safe ? "#c8e6c9" : "#ffcdd2";
            var label = Escape(node.Prefix.Length == 0 ? "(root)" : node.Prefix);
            if (d is not null)
            {
                label += $"\\n{(d.Safe ? "safe" : "unsafe")}, {d.KeptActions}/{d.CatalogActions} kept";
            }
            var emitted = d?.Emitted is { } e && explanation.Emitted.Contains(e);
            if (emitted)
            {
                label += $"\\nemit {Escape(d!.Emitted!)}";
            }
            sb.Append($"  {ids[node]} [label=\"{label}\", fillcolor=\"{fill}\"{(emitted ? ", penwidth=3" : "")}];\n");
        }
        foreach (var node in nodes.Where(n => n.Parent is not null))
        {
            sb.Append($"  {ids[node.Parent!]} -> {ids[node]};\n");
        }
        return sb.Append("}\n").ToString();
    }

    public static string Text(TrieExplanation explanation)
    {
        var sb = new StringBuilder();
        void Walk(TokenTrie.Node node, int depth)
        {
            var d = explanation.Decisions.GetValueOrDefault(node);
            var mark = d is null ? "" : d.Safe ? "[safe]  " : "[UNSAFE]";
            var emitted = d?.Emitted is { } e && explanation.Emitted.Contains(e) ? $"  => emit {e}" : "";
            var counts = d is null ? "" : $" ({d.KeptActions}/{d.CatalogActions} kept)";
            sb.Append($"{new string(' ', depth * 2)}{mark} {(node.Prefix.Length == 0 ? "(root)" : node.Prefix)}{counts}{emitted}\n");
            foreach (var child in node.Children)
            {
                Walk(child, depth + 1);
            }
        }
        if (explanation.Trie is { } trie)
        {
            Walk(trie.Root, 0);
        }
        sb.Append($"emitted: {string.Join(", ", explanation.Emitted)}\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
