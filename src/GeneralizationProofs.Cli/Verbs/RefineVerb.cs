using System.CommandLine;
using System.Text.Json.Nodes;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Checks;
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
        var format = new Option<string>("--format")
        {
            Description = "policy | diff | recommendation | explain (why each wildcard became what it did)",
            DefaultValueFactory = _ => "policy",
        };
        format.AcceptOnlyFromAmong("policy", "diff", "recommendation", "explain");
        var noColor = new Option<bool>("--no-color")
        {
            Description = "no colour in --format explain (also NO_COLOR, or output not a terminal)",
        };
        var output = new Option<string?>("--out") { Description = "write to this file (atomically) instead of stdout" }.OutputFile();
        var verify = new Option<bool>("--verify")
        {
            Description = "prove the refinement first; print nothing unless every claimed property is proved",
        };
        var resourceArn = new Option<string?>("--resource-arn")
        {
            Description = "principal ARN for the recommendation (default: the finding's resource)",
        };
        var policyType = CliCommon.PolicyTypeOption();
        var split = new Option<bool>("--split")
        {
            Description = "managed policies: when the refinement is over the limit, print it as the fewest policies that each fit",
        };
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var command = new Command("refine", "Remove unused actions from a policy with a generalization strategy")
        {
            policy, unused, catalog, strategy, ignore, format, output, verify, resourceArn, policyType, split, engine,
            noColor,
        };
        command.SetAction(r => CliCommon.Run("refine", cancel =>
        {
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!);
            var inputs = CliCommon.Load(r.GetValue(policy)!, r.GetValue(unused)!, r.GetValue(catalog)!, r.GetValue(ignore));
            OutputFiles.CheckWritable(r.GetValue(output), "--out");
            var type = CliCommon.PolicyType(r.GetValue(policyType)!);
            var verifying = r.GetValue(verify);
            using var solver = verifying ? Engines.Create(CliCommon.Engine(r.GetValue(engine)), cancel: cancel) : null;
            PolicyRefinement refinement;
            if (solver is not null)
            {
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
            var size = refinement.Size(type);
            var parts = r.GetValue(split) ? SplitParts(refinement, size, solver) : null;
            if (parts is { Count: 0 })
            {
                return ExitCodes.Refuted;
            }
            cancel.ThrowIfCancellationRequested();
            var text = r.GetValue(format) switch
            {
                "diff" => RefinementOutput.Diff(refinement),
                "recommendation" =>
                    RefinementOutput.Recommendation(refinement, r.GetValue(resourceArn) ?? inputs.FindingResource, null, parts),
                "explain" => ExplainWriter.Render(
                        RefinementExplanation.Of(refinement, new(inputs.Catalog, inputs.Unused), generalizer, type),
                        ExplainWriter.UseColour(r.GetValue(noColor), r.GetValue(output)))
                    + $"refined policy{(parts is null ? "" : $" as {parts.Count} policies")}:\n" + PolicyText(refinement, parts),
                _ => PolicyText(refinement, parts),
            };
            CliCommon.Emit(text, r.GetValue(output));
            Console.Error.WriteLine(size.Note);
            if (parts is not null)
            {
                var over = parts.Count(p => PolicySize.Characters(p) > size.Limit);
                Console.Error.WriteLine(over == 0
                    ? $"split: {parts.Count} policies, each within {size.Limit:N0} characters ({size.TypeName})"
                    : $"split: {parts.Count} policies, {over} still over {size.Limit:N0} characters ({size.TypeName}): see above");
            }
            foreach (var note in refinement.Notes())
            {
                Console.Error.WriteLine($"note: {note}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string PolicyText(PolicyRefinement refinement, List<JsonObject>? parts) => parts is null
        ? RefinementOutput.PolicyJson(refinement)
        : PolicyDocument.Write(new JsonArray(parts.Select(p => (JsonNode)p.DeepClone()).ToArray()));

    /// <summary>
    /// The refinement split when it is over the limit (null when it fits: nothing to split); with a solver (--verify) the
    /// union of the parts is proved equal to it first, and an empty list means that proof failed (the report is on stderr).
    /// </summary>
    private static List<JsonObject>? SplitParts(PolicyRefinement refinement, SizeReport size, IQuerySolver? solver)
    {
        if (size.Type != PolicyType.Managed)
        {
            throw new InputException(refinement.Original.File, "--split", "is for managed policies: an inline policy has one document");
        }
        if (!size.Over || refinement.Detach)
        {
            return null;
        }
        var parts = PolicySplitter.Split(refinement.Refined, size.Limit);
        foreach (var reason in PolicySplitter.Unfittable(refinement.Refined, size.Limit))
        {
            Console.Error.WriteLine($"split: {reason}");
        }
        if (solver is not null)
        {
            var report = SplitCheck.Check(refinement.Refined, parts, size.Type, solver);
            if (report.Verdict != Verdict.Proved)
            {
                Console.Error.Write(report.Text());
                Console.Error.WriteLine("genproof: refusing to print a split that is not proved");
                return [];
            }
        }
        return parts;
    }
}
