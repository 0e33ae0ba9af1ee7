using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof measure</c>: the timing targets as one reproducible command. A policy allowing the given patterns,
/// a seeded share of their catalog actions unused; reports medians of catalog load and refinement, and one proof.
/// </summary>
public static class MeasureVerb
{
    public static Command Create()
    {
        var catalog = CliCommon.CatalogOption();
        var patterns = new Option<string>("--patterns") { Description = "comma-separated Action entries", DefaultValueFactory = _ => "*" };
        var rate = new Option<double>("--unused-rate") { Description = "share of matched catalog actions marked unused",
            DefaultValueFactory = _ => 0.2 }
            .Fraction();
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "repetitions for the medians", DefaultValueFactory = _ => 15 }.AtLeast(1);
        var strategy = CliCommon.StrategyOption();
        var noVerify = new Option<bool>("--no-verify") { Description = "time refinement only" };
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var verifyRuns = new Option<int>("--verify-runs")
        {
            Description = "repetitions of the proof for its median", DefaultValueFactory = _ => 3,
        }.AtLeast(1);
        var command = new Command("measure", "Time catalog loading, refinement and verification on a seeded synthetic case")
        {
            catalog, patterns, rate, seed, runs, strategy, noVerify, engine, verifyRuns,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var file = r.GetValue(catalog)!;
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!);
            var loads = new List<double>();
            ActionCatalog actions = null!;
            for (var i = 0; i < r.GetValue(runs); i++)
            {
                var watch = Stopwatch.StartNew();
                actions = ActionCatalog.Load(file);
                loads.Add(watch.Elapsed.TotalMilliseconds);
            }
            var entries = r.GetValue(patterns)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var matched = entries.SelectMany(e => actions.Matching(new Patterns.ActionPattern(e))).Distinct()
                .Order(StringComparer.Ordinal).ToList();
            var random = new Random(r.GetValue(seed));
            var unused = new ActionSet(matched.Where(_ => random.NextDouble() < r.GetValue(rate)));
            // Built as nodes: a pattern with a quote or a backslash is an entry, not broken JSON.
            var document = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Action"] = new JsonArray(entries.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
                    ["Resource"] = "*",
                }),
            };
            var policy = PolicyDocument.Parse(document, "--patterns");
            var context = new GeneralizationContext(actions, unused);
            var refines = new List<double>();
            PolicyRefinement refinement = null!;
            for (var i = 0; i < r.GetValue(runs); i++)
            {
                var watch = Stopwatch.StartNew();
                refinement = generalizer.Refine(policy, context);
                refines.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.Out.WriteLine($"catalog {actions.Date}: {actions.Count} actions; patterns {string.Join(",", entries)}: "
                + $"{matched.Count} matched, {unused.Count} unused (seed {r.GetValue(seed)})");
            Console.Out.WriteLine($"catalog load: median {Statistics.Median(loads):F1} ms over {loads.Count} runs");
            var outputs = refinement.Statements.Sum(s => s.RefinedActions.Count);
            Console.Out.WriteLine($"refine ({generalizer.Name}): median {Statistics.Median(refines):F1} ms over {refines.Count} runs, "
                + $"{outputs} output patterns");
            if (r.GetValue(noVerify))
            {
                return ExitCodes.Ok;
            }
            var proofs = new List<double>();
            // CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
            var cpus = new List<double>();
            VerificationReport report = null!;
            for (var i = 0; i < r.GetValue(verifyRuns); i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var proofWatch = Stopwatch.StartNew();
                using var solver = Engines.Create(CliCommon.Engine(r.GetValue(engine)), timeoutMs: 60_000);
                var scope = ProofScope.ClaimsAndMeasurements(generalizer);
                report = RefineAndProve.Run(generalizer, policy, actions, unused, solver, scope).Report;
                proofs.Add(proofWatch.Elapsed.TotalSeconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }
            Console.Out.WriteLine($"verify with {report.Solver} (all properties, solver start included): "
                + $"median {Statistics.Median(proofs):F2} s "
                + $"over {proofs.Count} runs [{string.Join(", ", proofs.Select(s => s.ToString("F2")))}]; "
                + $"CPU median {Statistics.Median(cpus):F2} s [{string.Join(", ", cpus.Select(s => s.ToString("F2")))}]");
            Console.Out.Write(ReportWriter.Text(report, withEvidence: false));
            return ExitCodes.Of(report.Verdict);
        }));
        return command;
    }
}
