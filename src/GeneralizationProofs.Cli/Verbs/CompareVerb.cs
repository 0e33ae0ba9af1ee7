using System.CommandLine;
using System.Diagnostics;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Compare;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof compare</c>: two refinements of the same policy, compared over all strings (one policy with
/// <c>--policy</c>, else a corpus). Exit 0 when <c>--expect</c> (or <c>--fail-on wider</c>) holds or nothing is
/// expected, 1 when refuted, 2 on unknown or bad input.
/// </summary>
public static class CompareVerb
{
    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { Description = "the original policy (one-policy form; without it, a corpus)" };
        var unused = new Option<string?>("--unused") { Description = "unused actions (one-policy form)" };
        var catalog = CliCommon.CatalogOption();
        var left = new Option<string?>("--left") { Description = "left refined policy file" };
        var right = new Option<string?>("--right") { Description = "right refined policy file" };
        var leftStrategy = new Option<string?>("--left-strategy") { Description = "left side: a strategy (built-in, exec:, assembly:)" };
        var rightStrategy = new Option<string?>("--right-strategy") { Description = "right side: a strategy (built-in, exec:, assembly:)" };
        var leftDir = new Option<string?>("--left-dir")
        {
            Description = "left side: a folder of stored refinements (genproof corpus --refined-out)",
        };
        var rightDir = new Option<string?>("--right-dir") { Description = "right side: a folder of stored refinements" };
        var format = new Option<string>("--format") { Description = "text | json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var expect = new Option<string?>("--expect") { Description = "equal | narrower (right ⊂ left) | no-wider (right ⊆ left)" };
        expect.AcceptOnlyFromAmong("equal", "narrower", "no-wider");
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "corpus form: wider (a policy whose right side grants a string the left did not fails)",
        };
        failOn.AcceptOnlyFromAmong("wider");
        var policies = CliCommon.PolicyFoldersOption();
        var rate = new Option<double>("--unused-rate")
        {
            Description = "corpus form: share of each policy's granted actions unused", DefaultValueFactory = _ => 0.3,
        }.Fraction();
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var sample = new Option<int>("--sample") { Description = "corpus form: every N-th policy (1 = all)", DefaultValueFactory = _ => 1 }
            .AtLeast(1);
        var report = new Option<string?>("--report")
        {
            Description = "corpus form: folder for index.html, a page per changed policy, summary.json and junit.xml",
        }.OutputFolder();
        var jobs = new Option<int>("--jobs")
        {
            Description = "policies compared at once", DefaultValueFactory = _ => Environment.ProcessorCount,
        }.AtLeast(1);
        var timeout = new Option<uint>("--timeout-ms") { Description = "per-query solver timeout", DefaultValueFactory = _ => 10_000 }
            .AtLeast(1u);
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var command = new Command("compare",
            "Compare two refinements of the same policies over all strings: equal, narrower, wider, incomparable")
        {
            policy, unused, catalog, left, right, leftStrategy, rightStrategy, leftDir, rightDir, format, expect, failOn, policies,
            rate, seed, sample, report, jobs, timeout, ignore,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var catalogFile = r.GetValue(catalog)!;
            var actions = ActionCatalog.Load(catalogFile);
            var later = LaterCatalogs(actions);
            var leftSide = Side(r, "left", r.GetValue(left), r.GetValue(leftStrategy), r.GetValue(leftDir));
            var rightSide = Side(r, "right", r.GetValue(right), r.GetValue(rightStrategy), r.GetValue(rightDir));
            if (r.GetValue(policy) is { } policyFile)
            {
                var unusedFile = r.GetValue(unused) ?? throw new InputException("--unused", "", "the one-policy form needs --unused");
                var inputs = CliCommon.Load(policyFile, unusedFile, catalogFile, r.GetValue(ignore));
                using var solver = new Z3Session(r.GetValue(timeout));
                var comparison = new PolicyComparer(actions, later, solver).Compare(inputs.Policy,
                    leftSide.Refined(inputs.Policy, actions, inputs.Unused), rightSide.Refined(inputs.Policy, actions, inputs.Unused),
                    leftSide.Name, rightSide.Name);
                Console.Out.Write(r.GetValue(format) == "json" ? ComparisonText.Json(comparison) : ComparisonText.Text(comparison));
                return r.GetValue(expect) is { } expectation
                    ? ExitCodes.Of(PolicyComparison.Expect(comparison.Relation, expectation))
                    : comparison.Relation == Relation.Unknown ? ExitCodes.UnknownOrBadInput : ExitCodes.Ok;
            }
            if (r.GetValue(left) is not null || r.GetValue(right) is not null)
            {
                throw new InputException("--left/--right", "file", "refined files compare one policy: give --policy and --unused too");
            }
            var files = CorpusCase.Sample(CorpusCase.Files(CliCommon.PolicyFolders(r.GetValue(policies))), r.GetValue(sample));
            using var reportFolder = new StagedFolder(r.GetValue(report), "--report", replace: true); // claimed before the work
            var progress = new ProgressDisplay("compare");
            var done = 0;
            var watch = Stopwatch.StartNew();
            var results = new CorpusComparison(actions, later, leftSide, rightSide, r.GetValue(rate), r.GetValue(seed), r.GetValue(timeout))
                .Run(files, r.GetValue(jobs), _ => progress.Report(Interlocked.Increment(ref done), files.Count));
            progress.Finish();
            var summary = new ComparisonSummary(leftSide.Name, rightSide.Name, results, watch.Elapsed.TotalSeconds);
            var failOnWider = r.GetValue(failOn) == "wider";
            Console.Out.Write(r.GetValue(format) == "json" ? summary.Json() : summary.Text());
            if (r.GetValue(report) is { } folder)
            {
                reportFolder.Writing(() => ComparisonReport.Write(reportFolder.Staging!, summary, failOnWider));
                reportFolder.Publish();
                Console.Out.WriteLine($"report: {Path.Combine(folder, "index.html")} (and summary.json, junit.xml)");
            }
            return ExitCodes.Of(summary.Verdict(failOnWider));
        }));
        return command;
    }

    private static ComparisonSide Side(ParseResult r, string which, string? file, string? strategy, string? folder)
    {
        var given = new[] { file, strategy, folder }.Count(x => x is not null);
        if (given != 1)
        {
            throw new InputException($"--{which}", given == 0 ? "missing" : "several",
                $"give exactly one of --{which} FILE, --{which}-strategy S, --{which}-dir DIR");
        }
        return file is not null ? ComparisonSide.File(file)
            : strategy is not null ? ComparisonSide.Of(CliCommon.Strategy(r, strategy))
            : Directory.Exists(folder) ? ComparisonSide.Folder(folder!) : throw new InputException(folder!, "folder", "not found");
    }

    /// <summary>The shared catalogs dated after the compared one: where "future actions" come from.</summary>
    private static List<ActionCatalog> LaterCatalogs(ActionCatalog catalog)
    {
        if (SharedData.Find() is not { } shared || !Directory.Exists(Path.Combine(shared, "catalogs")))
        {
            return [];
        }
        return Directory.GetFiles(Path.Combine(shared, "catalogs"), "*.json").Order(StringComparer.Ordinal)
            .Select(ActionCatalog.Load).Where(c => string.CompareOrdinal(c.Date, catalog.Date) > 0)
            .OrderBy(c => c.Date, StringComparer.Ordinal).ToList();
    }
}
