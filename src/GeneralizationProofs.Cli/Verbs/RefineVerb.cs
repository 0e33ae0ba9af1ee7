using System.CommandLine;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Refinement;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof refine</c>: prints the refined policy, a diff or the recommendation; with --verify, only once proved.</summary>
public static class RefineVerb
{
    public static Command Create()
    {
        var policy = CliCommon.PolicyOption();
        var unused = CliCommon.UnusedOption();
        var catalog = CliCommon.CatalogOption();
        var strategy = CliCommon.StrategyOption();
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var format = new Option<string>("--format") { Description = "policy | diff | recommendation", DefaultValueFactory = _ => "policy" };
        format.AcceptOnlyFromAmong("policy", "diff", "recommendation");
        var output = new Option<string?>("--out") { Description = "write to this file (atomically) instead of stdout" }.OutputFile();
        var verify = new Option<bool>("--verify") { Description = "prove the refinement first; print nothing unless every claimed property is proved" };
        var resourceArn = new Option<string?>("--resource-arn") { Description = "principal ARN for the recommendation" };
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var command = new Command("refine", "Remove unused actions from a policy with a generalization strategy")
        {
            policy, unused, catalog, strategy, ignore, format, output, verify, resourceArn, engine,
        };
        command.SetAction(r => CliCommon.Run("refine", cancel =>
        {
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!);
            var inputs = CliCommon.Load(r.GetValue(policy)!, r.GetValue(unused)!, r.GetValue(catalog)!, r.GetValue(ignore));
            OutputFiles.CheckWritable(r.GetValue(output), "--out");
            PolicyRefinement refinement;
            if (r.GetValue(verify))
            {
                using var solver = Engines.Create(CliCommon.Engine(r.GetValue(engine)), cancel: cancel);
                var proof = RefineAndProve.Run(generalizer, inputs.Policy, inputs.Catalog, inputs.Unused, solver,
                    ProofScope.ClaimsAndMeasurements(generalizer), ignoredUnused: inputs.IgnoredUnused, cancel: cancel);
                var report = proof.Report;
                refinement = proof.Refinement;
                if (!report.Proved)
                {
                    Console.Error.Write(ReportWriter.Text(report));
                    Console.Error.WriteLine("genproof: refusing to print a refinement that is not proved");
                    return ExitCodes.Of(report.Verdict);
                }
            }
            else
            {
                refinement = generalizer.Refine(inputs.Policy, new(inputs.Catalog, inputs.Unused), inputs.IgnoredUnused);
            }
            cancel.ThrowIfCancellationRequested();
            var text = r.GetValue(format) switch
            {
                "diff" => RefinementOutput.Diff(refinement),
                "recommendation" => RefinementOutput.Recommendation(refinement, r.GetValue(resourceArn), null),
                _ => RefinementOutput.PolicyJson(refinement),
            };
            CliCommon.Emit(text, r.GetValue(output));
            foreach (var note in refinement.Notes())
            {
                Console.Error.WriteLine($"note: {note}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
