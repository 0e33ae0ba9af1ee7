using System.CommandLine;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.External;
using GeneralizationProofs.Harness.Peers;
using GeneralizationProofs.Harness.Study;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof peers-report</c>: the defects the harness finds in external minimizers, written into a paper's
/// <c>&lt;!-- results:peer-… --&gt;</c> blocks (campaign counts per claimed property, the shrunk counterexamples with
/// their replay commands, a corpus sample's verdicts). A verb of its own, not an option of <c>check</c>: it runs several
/// campaigns and a corpus per peer, which no single <c>check</c> run does, and <c>check</c> stays one campaign.
/// </summary>
public static class PeersReportVerb
{
    /// <summary>The three published peers' adapters, run from the repository root.</summary>
    public static readonly string[] DefaultPeers =
    [
        "exec:python3 adapters/policyuniverse_adapter.py", "exec:python3 adapters/policy_sentry_adapter.py",
        "exec:python3 adapters/iam_minify_adapter.py",
    ];

    public static Command Create()
    {
        var paper = new Option<string>("--paper")
        {
            Description = "Markdown document whose <!-- results:peer-… --> blocks are filled", Required = true,
        }.OutputFile();
        var peers = new Option<string[]>("--strategy")
        {
            Description = "an exec: strategy to judge (repeatable); default: the three adapters in adapters/",
        };
        var cases = new Option<int>("--cases")
        {
            Description = "cases per claimed-property campaign", DefaultValueFactory = _ => 300,
        }.AtLeast(1);
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var maxActions = new Option<int>("--max-actions")
        {
            Description = "largest generated catalog", DefaultValueFactory = _ => 40,
        }.AtLeast(1);
        var catalog = CliCommon.CatalogOption(required: false);
        var rate = new Option<double>("--unused-rate") { DefaultValueFactory = _ => 0.2 }.Fraction();
        var sample = new Option<int>("--sample") { Description = "corpus: every N-th policy", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var policies = CliCommon.PolicyFoldersOption();
        var command = new Command("peers-report",
            "Campaign and corpus-sample the external minimizers; write their defects into a paper")
        {
            paper, peers, cases, seed, maxActions, catalog, rate, sample, policies,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var names = r.GetValue(peers) is { Length: > 0 } given ? given : DefaultPeers;
            if (names.FirstOrDefault(n => !n.StartsWith(ExternalStrategy.Prefix, StringComparison.Ordinal)) is { } notExternal)
            {
                throw new InputException("--strategy", InputException.Shown(notExternal), "peers-report judges exec: strategies only");
            }
            var paperFile = r.GetValue(paper)!;
            if (!File.Exists(paperFile))
            {
                throw new InputException(paperFile, "file", "not found: the paper must exist with its results blocks");
            }
            var settings = new PeersSettings(r.GetValue(cases), r.GetValue(seed), r.GetValue(maxActions),
                r.GetValue(catalog) ?? SharedData.Require("catalogs/aws-2024-06-16.json"), r.GetValue(rate), r.GetValue(sample),
                CliCommon.PolicyFolders(r.GetValue(policies)), r.GetValue(CliCommon.StrategyTimeoutOption));
            var findings = names.Select(peer => PeersReport.Run(peer, settings, Console.Error.WriteLine)).ToList();
            var blocks = PeersReport.Blocks(findings, settings);
            Console.Out.Write(blocks["peer-campaigns"]);
            StudyOutput.FillPaper(paperFile, blocks, StudyTables.Names);
            Console.Out.WriteLine($"written: {paperFile}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
