using System.CommandLine;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Campaign;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary>
/// <c>genproof check</c>: a property campaign over random catalogs, policies and unused sets, the same properties the
/// test suite runs. Prints progress, a table per property, and the smallest counterexample of each failed property
/// with the command that replays it. Exit 0 all held, 1 a property failed (a claim refuted, ...), 2 only unknowns.
/// </summary>
public static class CheckVerb
{
    public static Command Create()
    {
        var strategy = CliCommon.StrategyOption(withMutants: true);
        var cases = new Option<int>("--cases") { Description = "random cases to run", DefaultValueFactory = _ => 200 }.AtLeast(1);
        var seed = new Option<int>("--seed") { Description = "campaign seed (case i of seed s is always the same case)",
            DefaultValueFactory = _ => 1 };
        var maxActions = new Option<int>("--max-actions") { Description = "largest generated catalog", DefaultValueFactory = _ => 24 }
            .AtLeast(1);
        var only = new Option<int?>("--case") { Description = "replay only this case index of the seed" }.AtLeast(0);
        var properties = new Option<string?>("--properties")
        {
            Description = $"comma-separated subset of: {string.Join(", ", CaseProperties.Names)}",
        };
        var shardOption = CliCommon.ShardOption("cases whose index");
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var command = new Command("check",
            "Run a property campaign against a strategy: claims proved, encoding = matcher, metamorphic relations, readers")
        {
            strategy, cases, seed, maxActions, only, properties, engine, shardOption,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!, withMutants: true);
            if (r.GetValue(cases) < 1 || r.GetValue(maxActions) < 1)
            {
                throw new InputException("--cases/--max-actions", $"{r.GetValue(cases)}/{r.GetValue(maxActions)}", "must be at least 1");
            }
            var names = r.GetValue(properties) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : CaseProperties.Names.ToList();
            if (names.FirstOrDefault(n => !CaseProperties.Names.Contains(n)) is { } unknown)
            {
                throw new InputException("--properties", unknown, $"unknown property; use {string.Join(", ", CaseProperties.Names)}");
            }
            if (r.GetValue(only) is < 0)
            {
                throw new InputException("--case", r.GetValue(only).ToString()!, "a case index is 0 or more");
            }
            var shard = CliCommon.ParseShard(r.GetValue(shardOption));
            // The claims run with the chosen engine; the differential property always pits Z3, automata and the matcher.
            using (var solver = Engines.Create(CliCommon.Engine(r.GetValue(engine))))
            {
                using var campaign = new PropertyCampaign(solver, r.GetValue(maxActions));
                if (r.GetValue(only) is { } index)
                {
                    return Replay(campaign, generalizer, r.GetValue(seed), index, names);
                }
                Console.Out.WriteLine($"claims proved by {solver.SolverVersion}; differential: Z3, the automata and the core matcher");
                var progress = new ProgressDisplay("check");
                var result = campaign.Run(generalizer, r.GetValue(cases), r.GetValue(seed), names,
                    (done, total) => progress.Report(done, total), shard is null ? null : i => shard.Contains(Shard.CaseId(i)));
                progress.Finish();
                Console.Out.Write(result.Text(r.GetValue(maxActions)));
                return ExitCodes.Of(result.Verdict);
            }
        }));
        return command;
    }

    private static int Replay(PropertyCampaign campaign, Generalization.IPolicyStrategy strategy, int seed, int index,
        IReadOnlyList<string> names)
    {
        Console.Out.Write($"case {index} of seed {seed}:\n{campaign.Case(seed, index)}");
        var verdicts = new List<Verdict>();
        foreach (var name in names)
        {
            var result = campaign.Check(name, strategy, seed, index);
            var message = result.Message.Length > 0 ? "\n  " + result.Message.Replace("\n", "\n  ") : "";
            Console.Out.WriteLine($"{name}: {result.Verdict}{message}");
            verdicts.Add(result.Verdict);
        }
        return ExitCodes.Of(Verdicts.All(verdicts));
    }
}
