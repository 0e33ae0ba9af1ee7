using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Study;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof bench-report</c>: the strategy study on real data (size, the managed-policy limit, future
/// permissiveness over every catalog pair, proofs on a sample), written as Markdown and CSV tables; with
/// <c>--paper</c> the tables are also filled into that document's <c>&lt;!-- results:NAME --&gt;</c> blocks.
/// </summary>
public static partial class BenchReportVerb
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "folder for the tables (NAME.md, NAME.csv, README.md)", Required = true };
        var policies = CliCommon.PolicyFoldersOption();
        var catalogs = new Option<string?>("--catalogs") { Description = "folder of catalogs, taken in date order; default: the shared catalogs" };
        var rate = new Option<double>("--unused-rate") { DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var sample = new Option<int>("--sample") { Description = "take every N-th policy of each folder (1 = all)", DefaultValueFactory = _ => 1 };
        var proofs = new Option<int>("--proofs") { Description = "policies per folder whose refinements are proved, per strategy (0 = none)", DefaultValueFactory = _ => 10 };
        var paper = new Option<string?>("--paper") { Description = "Markdown document whose <!-- results:NAME --> blocks are filled with the tables" };
        var command = new Command("bench-report", "Compare the strategies on the shared catalogs and policies; write the tables papers/ includes")
        {
            output, policies, catalogs, rate, seed, sample, proofs, paper,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var folders = CliCommon.PolicyFolders(r.GetValue(policies));
            var catalogFolder = r.GetValue(catalogs) ?? SharedData.Require("catalogs");
            var catalogsByDate = Directory.GetFiles(catalogFolder, "*.json").Select(ActionCatalog.Load).OrderBy(c => c.Date, StringComparer.Ordinal).ToList();
            if (catalogsByDate.Count < 2)
            {
                throw new InputException(catalogFolder, "folder", "needs at least two catalogs to measure future permissiveness");
            }
            var samplePolicies = Math.Max(1, r.GetValue(sample));
            var study = new StrategyStudy(catalogsByDate, Strategies.Real, r.GetValue(rate), r.GetValue(seed));
            var watch = Stopwatch.StartNew();
            var progress = new ProgressDisplay("refining");
            var result = study.Run(folders, samplePolicies, (done, total) => progress.Report(done, total));
            progress.Finish();
            Console.Error.WriteLine($"study: {watch.Elapsed.TotalSeconds:F0} s, {result.Unreadable.Count} unreadable policies");
            var proofFigures = Prove(folders, samplePolicies, r.GetValue(proofs), catalogsByDate[^1], r.GetValue(rate), r.GetValue(seed));
            var tables = StudyTables.All(result, proofFigures);
            Write(r.GetValue(output)!, tables, result);
            if (r.GetValue(paper) is { } paperFile)
            {
                FillPaper(paperFile, tables);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every real strategy's claims on an evenly spread sample of each folder, against the newest catalog.</summary>
    private static List<ProofFigures> Prove(List<string> folders, int sample, int perFolder, ActionCatalog catalog, double rate, int seed)
    {
        var figures = new List<ProofFigures>();
        if (perFolder == 0)
        {
            return figures;
        }
        using var solver = new Z3Session();
        foreach (var folder in folders)
        {
            var files = CorpusCase.Sample(CorpusCase.Files([folder]), sample);
            var chosen = files.Where((_, i) => i % Math.Max(1, files.Count / perFolder) == 0).Take(perFolder).ToList();
            foreach (var strategy in Strategies.Real)
            {
                int proved = 0, refuted = 0, unknown = 0;
                var watch = Stopwatch.StartNew();
                foreach (var file in chosen)
                {
                    PolicyDocument policy;
                    try
                    {
                        policy = PolicyDocument.Load(file);
                    }
                    catch (InputException)
                    {
                        continue;
                    }
                    var unused = CorpusCase.Unused(policy, catalog, rate, seed);
                    var refined = PolicyDocument.Parse(new PolicyRefiner(strategy, new GeneralizationContext(catalog, unused)).Refine(policy).Refined, file);
                    var report = new PolicyVerifier(new CheckContext(catalog, unused, strategy, solver, null))
                        .Verify(policy, refined, strategy.Claims, strategy.Claims);
                    switch (report.ExitCode)
                    {
                        case 0: proved++; break;
                        case 1: refuted++; break;
                        default: unknown++; break;
                    }
                }
                figures.Add(new ProofFigures(strategy.Name, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), proved + refuted + unknown, proved, refuted, unknown, watch.Elapsed.TotalSeconds));
                Console.Error.WriteLine($"proofs: {strategy.Name} on {chosen.Count} policies of {folder}: {proved} proved, {refuted} refuted, {unknown} unknown");
            }
        }
        return figures;
    }

    private static void Write(string folder, IReadOnlyList<Table> tables, StudyResult result)
    {
        Directory.CreateDirectory(folder);
        var index = new StringBuilder();
        index.Append("# Strategy study results\n\n");
        index.Append("Written by `genproof bench-report`; do not edit by hand. ");
        index.Append($"Catalogs {string.Join(", ", result.CatalogDates)}; unused rate {result.UnusedRate}; seed {result.Seed}; ");
        index.Append(result.Sample == 1 ? "every policy" : $"every {result.Sample}th policy").Append(".\n");
        if (result.Unreadable.Count > 0)
        {
            index.Append($"\n{result.Unreadable.Count} policies could not be read and are not counted:\n\n");
            foreach (var problem in result.Unreadable)
            {
                index.Append("- ").Append(problem).Append('\n');
            }
        }
        foreach (var table in tables)
        {
            index.Append($"\n## {table.Title}\n\n").Append(table.Markdown());
            JsonInput.WriteAtomically(Path.Combine(folder, table.Name + ".md"), table.Markdown());
            JsonInput.WriteAtomically(Path.Combine(folder, table.Name + ".csv"), table.Csv());
        }
        JsonInput.WriteAtomically(Path.Combine(folder, "README.md"), index.ToString());
    }

    [GeneratedRegex(@"(?<open><!-- results:(?<name>[a-z-]+) -->\n).*?(?<close><!-- /results -->)", RegexOptions.Singleline)]
    private static partial Regex ResultsBlock();

    /// <summary>Replaces each results block of the paper by the named table, so numbers in papers/ come only from here.</summary>
    private static void FillPaper(string paper, IReadOnlyList<Table> tables)
    {
        var text = File.Exists(paper) ? File.ReadAllText(paper) : throw new InputException(paper, "file", "not found");
        var filled = ResultsBlock().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            var table = tables.FirstOrDefault(t => t.Name == name) ?? throw new InputException(paper, $"results:{name}", $"no such table; tables: {string.Join(", ", tables.Select(t => t.Name))}");
            return m.Groups["open"].Value + table.Markdown() + m.Groups["close"].Value;
        });
        JsonInput.WriteAtomically(paper, filled);
    }
}
