using System.CommandLine;
using System.Text.Json.Nodes;
using GeneralizationProofs.Verification.Checks;
using GeneralizationProofs.Harness.Reports;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Solver;

namespace GeneralizationProofs.Cli.Verbs;

/// <summary><c>genproof verify</c>: proves a refined policy against the original; exit 0 proved, 1 refuted, 2 unknown.</summary>
public static class VerifyVerb
{
    public static Command Create()
    {
        var policy = CliCommon.PolicyOption();
        var unused = CliCommon.UnusedOption();
        var catalog = CliCommon.CatalogOption();
        var refined = new Option<string>("--refined") { Description = "the refined policy to prove", Required = true };
        var strategy = CliCommon.StrategyOption(withMutants: true);
        var properties = new Option<string?>("--properties")
        {
            Description = "comma-separated: sound, no-escalation, complete, maximal, non-redundant, minimum-size "
                + "(default: the strategy's claims)",
        };
        var format = new Option<string>("--format")
        {
            Description = "text | json | sarif (SARIF 2.1.0, for code scanning)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var smtOut = new Option<string?>("--smt-out")
        {
            Description = "write every obligation as a standalone SMT-LIB2 file in this folder",
        }.OutputFolder();
        var timeout = new Option<uint>("--timeout-ms") { Description = "per-query solver timeout", DefaultValueFactory = _ => 10_000 }
            .AtLeast(1u);
        var rlimit = new Option<uint>("--rlimit")
        {
            Description = "Z3 resource limit per query (deterministic; 0 = none); exceeding it is Unknown",
        };
        var ignore = CliCommon.IgnoreUnknownUnusedOption();
        var splitParts = new Option<string[]>("--split-parts")
        {
            Description = "the parts of a split refinement (files holding a policy or a JSON array of policies, as refine --split "
                + "prints them): also prove their union equals --refined over all strings, and each within --policy-type's limit",
            AllowMultipleArgumentsPerToken = true,
        };
        var policyType = CliCommon.PolicyTypeOption();
        var engine = CliCommon.EngineOption(EngineChoice.Both);
        var command = new Command("verify", "Prove a refinement sound, escalation-free, complete and minimal, or show a counterexample")
        {
            policy, unused, catalog, refined, strategy, properties, format, smtOut, timeout, rlimit, ignore, splitParts, policyType,
            engine,
        };
        command.SetAction(r => CliCommon.Run("verify", cancel =>
        {
            var generalizer = CliCommon.Strategy(r, r.GetValue(strategy)!, withMutants: true);
            var scope = Proof.Scope(generalizer, r.GetValue(properties));
            var partFiles = r.GetValue(splitParts) ?? [];
            if (partFiles.Length > 0 && r.GetValue(format) == "sarif")
            {
                throw new InputException("--format", "sarif", "--split-parts is reported in text or json, not in SARIF");
            }
            CliCommon.AtMostOneStandardInput([("--policy", r.GetValue(policy)!), ("--unused", r.GetValue(unused)!),
                ("--catalog", r.GetValue(catalog)!), ("--refined", r.GetValue(refined)!), .. partFiles.Select(f => ("--split-parts", f))]);
            var inputs = CliCommon.Load(r.GetValue(policy)!, r.GetValue(unused)!, r.GetValue(catalog)!, r.GetValue(ignore));
            var refinedPolicy = PolicyDocument.Load(r.GetValue(refined)!);
            // Read before proving: a bad part file is refused before anything is printed or published.
            var parts = partFiles.SelectMany(ReadParts).ToList();
            // The queries go to a hidden sibling folder, published only when the proof ran to its end; a disagreement of
            // the two engines is written there too.
            using var smt = new StagedFolder(r.GetValue(smtOut), "--smt-out");
            using var solver = Engines.Create(CliCommon.Engine(r.GetValue(engine)), r.GetValue(timeout), r.GetValue(rlimit),
                smt.Staging, cancel);
            // Every query is written as it is asked: a full disk fails mid-proof, and the message names --smt-out.
            VerificationReport report = null!;
            SplitReport? split = null;
            smt.Writing(() =>
            {
                report = RefineAndProve.Prove(inputs.Policy, refinedPolicy, inputs.Catalog, inputs.Unused, generalizer, solver, scope,
                    smt.Staging, cancel);
                split = partFiles.Length == 0
                    ? null
                    : SplitCheck.Check(refinedPolicy.Document, parts, CliCommon.PolicyType(r.GetValue(policyType)!), solver);
            });
            smt.Publish();
            Console.Out.Write((r.GetValue(format), split) switch
            {
                ("json", null) => ReportWriter.Json(report),
                ("json", { } s) => ReportWriter.Json(report, s),
                ("sarif", _) => SarifWriter.Verify(report, inputs.Policy, r.GetValue(policy)!),
                (_, null) => ReportWriter.Text(report),
                (_, { } s) => ReportWriter.Text(report) + s.Text(),
            });
            return ExitCodes.Of(Verdicts.All([report.Verdict, split?.Verdict ?? Verdict.Proved]));
        }));
        return command;
    }

    /// <summary>A part file: one policy (bare or wrapped, as --policy reads it) or a JSON array of them.</summary>
    private static IEnumerable<JsonObject> ReadParts(string file)
    {
        var root = JsonInput.ReadFile(file);
        return root is JsonArray array
            ? array.Select((p, i) => PolicyDocument.Parse(p ?? throw new InputException(file, $"$[{i}]", "is null"), file).Document)
            : [PolicyDocument.Parse(root, file).Document];
    }
}
