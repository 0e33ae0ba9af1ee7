using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Harness.Study;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof bench-report</c>: the strategy study on real data (size, the managed-policy limit, future
/// permissiveness over every catalog pair, proofs on a sample), written as Markdown and CSV tables; with
/// <c>--paper</c> the tables are also filled into that document's <c>&lt;!-- results:NAME --&gt;</c> blocks.
/// </summary>
public static class BenchReportVerb
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "folder for the tables (NAME.md, NAME.csv, README.md)", Required = true }
            .OutputFolder();
        var policies = CliCommon.PolicyFoldersOption();
        var catalogs = new Option<string?>("--catalogs")
        {
            Description = "folder of catalogs, taken in date order; default: the shared catalogs",
        };
        var rate = new Option<double>("--unused-rate") { DefaultValueFactory = _ => 0.3 }.Fraction();
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var sample = new Option<int>("--sample")
        {
            Description = "take every N-th policy of each folder (1 = all)", DefaultValueFactory = _ => 1,
        }.AtLeast(1);
        var proofs = new Option<int>("--proofs")
        {
            Description = "policies per folder whose refinements are proved, per strategy (0 = none)", DefaultValueFactory = _ => 10,
        }.AtLeast(0);
        var paper = new Option<string?>("--paper")
        {
            Description = "Markdown document whose <!-- results:NAME --> blocks are filled with the tables",
        }.OutputFile();
        var strategies = new Option<string[]>("--strategy")
        {
            Description = $"a strategy to study (repeatable: {Strategies.Names}, exec:, assembly:); default: every built-in. "
                + "The reference is always a row: every ratio is to it",
        };
        var command = new Command("bench-report",
            "Compare the strategies on the shared catalogs and policies; write the tables papers/ includes")
        {
            output, policies, catalogs, rate, seed, sample, proofs, paper, strategies,
        };
        // Cancellable as corpus is (issue 16): a first SIGINT or SIGTERM stops the study, the staging folder goes, exit 130.
        command.SetAction(r => CliCommon.Run("the strategy study", cancel =>
        {
            var folders = CliCommon.PolicyFolders(r.GetValue(policies));
            var catalogFolder = r.GetValue(catalogs) ?? SharedData.Require("catalogs");
            var catalogsByDate = Directory.GetFiles(catalogFolder, "*.json").Select(ActionCatalog.Load)
                .OrderBy(c => c.Date, StringComparer.Ordinal).ToList();
            if (catalogsByDate.Count < 2)
            {
                throw new InputException(catalogFolder, "folder", "needs at least two catalogs to measure future permissiveness");
            }
            // Both outputs are checked before the study, which takes minutes: the paper must exist (its blocks are filled).
            if (r.GetValue(paper) is { } paperPath && !File.Exists(paperPath))
            {
                throw new InputException(paperPath, "--paper", "not found (the document whose <!-- results:NAME --> blocks are filled)");
            }
            OutputFiles.CheckWritable(r.GetValue(paper), "--paper");
            using var tablesFolder = new StagedFolder(r.GetValue(output)!, "--out");
            var samplePolicies = Math.Max(1, r.GetValue(sample));
            var studied = Studied(r, r.GetValue(strategies));
            var study = new StrategyStudy(catalogsByDate, studied, r.GetValue(rate), r.GetValue(seed));
            var watch = Stopwatch.StartNew();
            var progress = new ProgressDisplay("refining");
            var result = study.Run(folders, samplePolicies, (done, total) => progress.Report(done, total), cancel);
            progress.Finish();
            Console.Error.WriteLine($"study: {watch.Elapsed.TotalSeconds:F0} s, {result.Unreadable.Count} unreadable policies");
            var proofFigures = StudyProofs.Run(folders, samplePolicies, r.GetValue(proofs), studied, catalogsByDate[^1],
                r.GetValue(rate), r.GetValue(seed), Console.Error.WriteLine, cancel);
            var speed = StudySpeed.Run(folders, samplePolicies, Math.Max(r.GetValue(proofs), 10), studied, catalogsByDate[^1],
                r.GetValue(rate), r.GetValue(seed), cancel);
            cancel.ThrowIfCancellationRequested(); // the tables are written whole or not at all
            var tables = StudyTables.All(result, proofFigures, speed);
            tablesFolder.Writing(() => StudyOutput.Write(tablesFolder.Staging!, tables, result));
            tablesFolder.Publish();
            if (r.GetValue(paper) is { } paperFile)
            {
                // Under each table, the command that wrote it (as typed, --out and --paper included).
                var typed = StudyOutput.CommandLine(r.Tokens.Select(t => t.Value));
                StudyOutput.FillPaper(paperFile, tables, $"genproof {typed}", Harness.Peers.PeersReport.TableNames);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The strategies <c>--strategy</c> names, the reference first whether named or not (the ratios are to it).</summary>
    private static List<IPolicyStrategy> Studied(ParseResult r, string[]? names)
    {
        if (names is not { Length: > 0 })
        {
            return [.. Strategies.All];
        }
        var chosen = names.Distinct(StringComparer.Ordinal).Select(name => CliCommon.Strategy(r, name)).ToList();
        return [.. chosen.Where(s => s.Name == Strategies.DefaultName).DefaultIfEmpty(Strategies.Find(Strategies.DefaultName)!),
            .. chosen.Where(s => s.Name != Strategies.DefaultName)];
    }
}
