using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Harness.Corpus;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// SARIF 2.1.0, the format code scanning reads: one result per finding (a claimed property refuted or unknown on one
/// statement, a structure problem, an unreadable policy), located at the statement's line in the policy file.
/// Written with System.Text.Json because the SARIF SDK does not restore here; a test validates the output against
/// the official schema.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The key of <c>partialFingerprints</c>; the /v1 changes if what is hashed ever does.</summary>
    public const string FingerprintKey = "genproofFinding/v1";

    /// <summary>The rules, one per property and three for what is not a property; their ids never change.</summary>
    private static readonly (string Rule, string Name, string Description)[] Rules =
    [
        ("sound", "Sound", "The refined policy grants no unused action: L(R) ∩ U = ∅."),
        ("no-escalation", "NoEscalation", "The refined policy grants nothing the original did not, over all strings: L(R) ⊆ L(P)."),
        ("complete", "Complete", "Every action the original granted and that is not unused is still granted: K ⊆ L(R)."),
        ("maximal", "Maximal", "M1: the next coarser candidate of every emitted wildcard meets an unused action or escapes the original."),
        ("non-redundant", "NonRedundant", "M2: every refined pattern grants a kept action that no other refined pattern grants."),
        ("minimum-size", "MinimumSize", "M3: no smaller set of prefix globs and literals grants the kept actions and no unused one."),
        (Finding.Structure, "Structure",
            "Statements other than Allow with Action come through verbatim; every refined statement has its original."),
        (Finding.Unreadable, "Unreadable", "The policy file can be read as an IAM policy."),
        (Finding.StrategyFailed, "StrategyFailed",
            "The strategy (an exec: process or assembly: plug-in) gives a refinement of the policy."),
    ];

    public static string RuleId(string rule) => "GP-" + rule.ToUpperInvariant();

    public static string ToolVersion =>
        typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>A corpus run (or a merge of shards): every policy's findings.</summary>
    public static string Corpus(CorpusSummary summary) =>
        Log(summary.Policies.Select(p => (p.Id, p.File, p.Findings)), summary.Solver, new JsonObject
        {
            ["strategy"] = summary.Settings.Strategy,
            ["catalog"] = summary.Settings.Catalog,
            ["unusedRate"] = summary.Settings.UnusedRate,
            ["seed"] = summary.Settings.Seed,
        });

    /// <summary><c>genproof verify --format sarif</c>: one policy's findings.</summary>
    public static string Verify(VerificationReport report, PolicyDocument original, string file)
    {
        var id = CorpusSummary.Id(file);
        var findings = Finding.Of(report, original, File.ReadAllBytes(file));
        return Log([(id, PolicyEntry.ArtifactFile(file, id), findings)], report.Solver,
            new JsonObject { ["strategy"] = report.Strategy, ["catalog"] = report.Catalog });
    }

    private static string Log(
        IEnumerable<(string Id, string File, IReadOnlyList<Finding> Findings)> policies, string solver, JsonObject settings)
    {
        settings["solver"] = solver;
        var results = policies.SelectMany(p => p.Findings.Select(f => (JsonNode)Result(p.Id, p.File, f))).ToArray();
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "genproof",
                        ["version"] = ToolVersion,
                        ["rules"] = new JsonArray(Rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = RuleId(r.Rule),
                            ["name"] = r.Name,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
                            ["properties"] = new JsonObject { ["property"] = r.Rule },
                        }).ToArray()),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject { ["executionSuccessful"] = true, ["properties"] = settings }),
                ["results"] = new JsonArray(results),
            }),
        };
        return PolicyDocument.Write(log);
    }

    private static JsonObject Result(string id, string file, Finding f)
    {
        var text = f.Counterexample is { } c && c.RefinedPatterns.Count + c.OriginalPatterns.Count > 0
            ? $"{f.Message}. Refined side: {Sides(c.RefinedPatterns)}; original side: {Sides(c.OriginalPatterns)}."
            : f.Message;
        return new JsonObject
        {
            ["ruleId"] = RuleId(f.Rule),
            ["ruleIndex"] = Array.FindIndex(Rules, r => r.Rule == f.Rule),
            // A refutation is a defect; an unknown is a proof that did not finish, which a reviewer should look at.
            ["level"] = f.Verdict == Verdict.Refuted ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = text },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(file) },
                    ["region"] = new JsonObject { ["startLine"] = f.Line },
                },
            }),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = Fingerprint(id, f) },
            ["properties"] = new JsonObject
            {
                ["policy"] = id,
                ["verdict"] = Verdicts.Name(f.Verdict),
                ["statement"] = f.Statement,
                ["counterexample"] = f.Counterexample?.Action,
            },
        };
    }

    private static string Sides(IReadOnlyList<string> patterns) =>
        patterns.Count == 0 ? "none" : string.Join(", ", patterns.Take(12)) + (patterns.Count > 12 ? ", ..." : "");

    /// <summary>
    /// What identifies a finding from one run to the next: the policy, the property, the statement and the
    /// counterexample string, not the line (which moves when the file above it changes) nor the wording.
    /// </summary>
    public static string Fingerprint(string policyId, Finding f) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("\n", policyId, f.Rule, f.Statement, f.Counterexample?.Action ?? ""))));

    /// <summary>A relative URI reference: each path segment percent-encoded.</summary>
    private static string Uri(string file) => string.Join('/', file.Split('/').Select(System.Uri.EscapeDataString));
}
