using System.CommandLine;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Patterns;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof trie</c>: the whole trie of one wildcard with safe and unsafe nodes marked, as text, DOT or SVG.</summary>
public static class TrieVerb
{
    public static Command Create()
    {
        var catalog = CliCommon.CatalogOption();
        var pattern = new Option<string>("--pattern") { Description = "a prefix wildcard, e.g. s3:Get*", Required = true };
        var unused = new Option<string?>("--unused") { Description = "unused actions (without: every node is safe)" };
        var strategy = CliCommon.StrategyOption();
        var format = new Option<string>("--format") { Description = "text | dot | svg", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "dot", "svg");
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
                throw new InputException("--strategy", r.GetValue(strategy)!,
                    "only trie strategies (reference, character, tightest, verb-noun) have a trie to draw");
            }
            var picture = TriePicture.Of(generalizer, entry, new GeneralizationContext(actions, unusedSet), wholeTrie: true);
            Console.Out.Write(r.GetValue(format) switch
            {
                "dot" => TriePictureFormats.Dot(picture),
                "svg" => TriePictureFormats.Svg(picture) + "\n",
                _ => TriePictureFormats.Text(picture),
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
