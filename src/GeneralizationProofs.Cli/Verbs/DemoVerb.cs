using System.CommandLine;
using GeneralizationProofs.Catalog;
using GeneralizationProofs.Harness;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof demo</c>: the acceptance example of spec §1, refined and proved, end to end.</summary>
public static class DemoVerb
{
    public static Command Create()
    {
        var catalog = CliCommon.CatalogOption(required: false);
        catalog.Description = $"catalog (default: ../shared/{AcceptanceExample.CatalogFile} beside the repository)";
        var strategy = CliCommon.StrategyOption(withMutants: true);
        // With another --catalog the example's unused actions may be missing from it; the stale-catalog message
        // suggests this option, so demo takes it like the other verbs that read unused actions.
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var command = new Command("demo", "Refine and prove the acceptance example (role MyRole, June-2024 catalog)")
        {
            catalog, strategy, ignore,
        };
        command.SetAction(r => CliCommon.Run(() =>
        {
            var generalizer = CliCommon.Strategy(r.GetValue(strategy)!, withMutants: true);
            var catalogFile = r.GetValue(catalog) ?? SharedData.Require(AcceptanceExample.CatalogFile);
            var actions = ActionCatalog.Load(catalogFile);
            var policy = PolicyDocument.FromText(AcceptanceExample.PolicyJson, "MyRole");
            var unused = Generalization.UnusedActions.Read(JsonInput.Parse(AcceptanceExample.UnusedJson, "MyRole unused"), "MyRole unused",
                actions, ignoreStale: r.GetValue(ignore), out var ignored);

            Console.Out.WriteLine($"Acceptance example (spec §1): role MyRole, catalog {catalogFile} ({actions.Count} actions), {unused.Count} unused actions\n");
            using var solver = new Z3Session();
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
