using System.CommandLine;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Papers;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof paper</c>: fills the <c>&lt;!-- results:NAME --&gt;</c> blocks of papers/harness.md with tables the
/// harness computes now (solvers, corpus proof on a sample, campaigns, the strategy study's CSVs), each followed by the
/// command that makes it again. A verb of its own, not an option of <c>bench-report</c>: that one runs the strategy
/// study (an hour on the full corpus); this one reads the study's CSVs and runs the proofs the paper is about.
/// </summary>
public static class PaperVerb
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "the paper whose results blocks are filled", Required = true }
            .OutputFile();
        var sample = new Option<int>("--sample")
        {
            Description = "prove every N-th policy of both shared folders", DefaultValueFactory = _ => PaperSettings.DefaultSample,
        }.AtLeast(1);
        var cases = new Option<int>("--cases")
        {
            Description = "campaign cases per real strategy", DefaultValueFactory = _ => PaperSettings.DefaultCases,
        }.AtLeast(1);
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => PaperSettings.DefaultSeed };
        var catalog = CliCommon.CatalogOption(required: false);
        catalog.Description = $"catalog of the corpus table; default: ../shared/{PaperSettings.DefaultCatalog}";
        var results = new Option<string?>("--results") { Description = "the study's CSV folder; default: results/ beside --out" };
        var only = new Option<string?>("--only")
        {
            Description = $"table groups to regenerate, comma-separated: {string.Join(", ", HarnessPaper.Groups)}",
        };
        var jobs = new Option<int>("--jobs")
        {
            Description = "policies proved at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount,
        }
            .AtLeast(1);
        var command = new Command("paper", "Regenerate the tables of papers/harness.md (every number from a run of the harness)")
        {
            output, sample, cases, seed, catalog, results, only, jobs,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var paper = r.GetValue(output)!;
            if (!File.Exists(paper))
            {
                throw new InputException(paper, "file", "not found (the paper's text holds the results blocks to fill)");
            }
            var groups = Groups(r.GetValue(only));
            var catalogName = r.GetValue(catalog);
            var settings = new PaperSettings(paper, catalogName ?? SharedData.Require(PaperSettings.DefaultCatalog), catalogName,
                r.GetValue(sample), r.GetValue(cases), r.GetValue(seed),
                r.GetValue(results) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(paper))!, "results"), r.GetValue(jobs));
            var tables = new HarnessPaper(settings, Console.Error.WriteLine).Tables(groups);
            var every = groups.Count == HarnessPaper.Groups.Count;
            ResultsBlocks.Fill(paper, tables.ToDictionary(t => t.Name, t => t.Body()), everyBlock: every);
            Console.Error.WriteLine($"paper: {tables.Count} tables written to {paper}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> Groups(string? only)
    {
        if (only is null)
        {
            return HarnessPaper.Groups.ToList();
        }
        var groups = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var unknown = groups.FirstOrDefault(g => !HarnessPaper.Groups.Contains(g));
        if (groups.Count == 0 || unknown is not null)
        {
            throw new InputException("--only", "option",
                $"'{unknown ?? only}' is not a table group; groups: {string.Join(", ", HarnessPaper.Groups)}");
        }
        return groups;
    }
}
