using System.CommandLine;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof demo</c>: the acceptance example of spec §1 (<c>examples/my-role</c>), refined and proved, end to end.</summary>
public static class DemoVerb
{
    public static Command Create()
    {
        var catalog = CliCommon.CatalogOption(required: false);
        catalog.Description = $"catalog (default: the one examples/{ExampleCase.Acceptance}/{ExampleCase.CaseFileName} names)";
        var strategy = CliCommon.StrategyOption(withMutants: true);
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        // With another --catalog the example's unused actions may be missing from it; the stale-catalog message
        // suggests this option, so demo takes it like the other verbs that read unused actions.
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var description = $"Refine and prove the acceptance example (examples/{ExampleCase.Acceptance}: role MyRole, June-2024 catalog)";
        var command = new Command("demo", description) { catalog, strategy, engine, ignore };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!, withMutants: true);
            var example = ExampleCase.Named(ExampleCase.Acceptance);
            var catalogFile = r.GetValue(catalog) ?? example.CatalogFile;
            var actions = ActionCatalog.Load(catalogFile);
            var policy = example.LoadPolicy();
            var unused = UnusedActions.Load(example.UnusedFile, actions, ignoreStale: r.GetValue(ignore), out var ignored);

            Console.Out.WriteLine($"Acceptance example (spec §1): examples/{example.Name}, role {policy.Name}, catalog {catalogFile} "
                + $"({actions.Count} actions), {unused.Count} unused actions\n");
            using var solver = Engines.Create(CliCommon.Engine(r.GetValue(engine)));
            var proof = RefineAndProve.Run(generalizer, policy, actions, unused, solver, ProofScope.ClaimsAndMeasurements(generalizer),
                ignoredUnused: ignored);
            Console.Out.Write(RefinementOutput.Diff(proof.Refinement));
            Console.Out.WriteLine();
            Console.Out.Write(ReportWriter.Text(proof.Report));
            return ExitCodes.Of(proof.Report.Verdict);
        }));
        return command;
    }
}
