using System.Text;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>
/// What a CI system is told about one policy that was not proved: a claimed property refuted or unknown on one
/// statement, a structure problem, or a policy that could not be read. SARIF results and JUnit failure texts are
/// made from findings alone, and findings travel in summary.json, so a merge of shard reports rebuilds both.
/// </summary>
/// <param name="Rule">a property name (<see cref="PropertyKinds.Name"/>), <see cref="Structure"/> or <see cref="Unreadable"/>.</param>
/// <param name="Line">1-based line in the policy file where the statement starts (1 when unknown).</param>
/// <param name="Detail">the counterexample's explanation, the unknown reason, or the problem.</param>
public sealed record Finding(string Rule, Verdict Verdict, string Statement, int Line, string Detail, Counterexample? Counterexample)
{
    public const string Structure = "structure";
    public const string Unreadable = "unreadable";
    public const string StrategyFailed = "strategy";

    /// <summary>One line: what is wrong and where.</summary>
    public string Message => Rule switch
    {
        Structure => $"structure: {Detail}",
        Unreadable or StrategyFailed => Detail,
        _ => Counterexample is { } c
            ? $"{Rule} {Verdicts.Name(Verdict)} in {Statement}: {Detail} (string \"{c.Action}\")"
            : $"{Rule} {Verdicts.Name(Verdict)} in {Statement}: {Detail}",
    };

    /// <summary>The findings of a verification: claimed properties that were not proved, per statement, and structure problems.</summary>
    /// <param name="file">the policy file's bytes, to find each statement's line; null for a policy that has no file.</param>
    public static List<Finding> Of(VerificationReport report, PolicyDocument original, byte[]? file)
    {
        int Line(string label) => file is not null && original.Statements.FirstOrDefault(s => s.Label == label) is { } statement
            ? JsonLines.LineOf(file, statement.Place)
            : 1;
        var findings = report.StructureProblems.Select(p => new Finding(Structure, Verdict.Refuted, "", 1, p, null)).ToList();
        foreach (var property in report.Properties.Where(p => p.Claimed && p.Verdict != Verdict.Proved))
        {
            findings.AddRange(property.Statements.Where(s => s.Verdict != Verdict.Proved).Select(s => new Finding(
                PropertyKinds.Name(property.Property), s.Verdict, s.Statement, Line(s.Statement),
                s.Counterexample?.Explanation ?? s.Reason ?? "", s.Counterexample)));
        }
        // Still granting an unused action while sound is claimed and not refuted: the matcher and the solver disagree
        // and the report is Unknown, never proved; each such statement is a finding naming what it still grants.
        if (report.GrantsUnused
            && report.Properties.Any(p => p.Claimed && p.Property == PropertyKind.Sound && p.Verdict != Verdict.Refuted))
        {
            findings.AddRange((report.Accounting ?? []).Where(a => a.StillGranted.Count > 0).Select(a => new Finding(
                PropertyKinds.Name(PropertyKind.Sound), Verdict.Unknown, a.Subject, 1,
                $"the matcher finds unused actions still granted ({Listed(a.StillGranted)}) but the solver did not refute sound",
                null)));
        }
        return findings;
    }

    private static string Listed(IReadOnlyList<string> actions) =>
        string.Join(", ", actions.Take(12)) + (actions.Count > 12 ? $", ... ({actions.Count - 12} more)" : "");

    public static Finding OfUnreadable(string problem) => new(Unreadable, Verdict.Unknown, "", 1, problem, null);

    /// <summary>A policy that was read but that the strategy (an external process or plug-in) gave no refinement for.</summary>
    public static Finding OfStrategyFailure(string problem) => new(StrategyFailed, Verdict.Unknown, "", 1, problem, null);

    /// <summary>The findings as the verifier's text report shows them (JUnit failure bodies).</summary>
    public static string Text(IEnumerable<Finding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            if (f.Counterexample is { } c)
            {
                ReportWriter.AppendCounterexample(sb, "COUNTEREXAMPLE", f.Rule, $"{f.Statement} (line {f.Line})", c);
            }
            else
            {
                sb.Append(f.Rule switch
                {
                    Structure => $"STRUCTURE: {f.Detail}\n",
                    Unreadable => $"UNREADABLE: {f.Detail}\n",
                    StrategyFailed => $"STRATEGY FAILED: {f.Detail}\n",
                    _ => $"{Verdicts.Name(f.Verdict).ToUpperInvariant()} [{f.Rule}] {f.Statement} (line {f.Line}): {f.Detail}\n",
                });
            }
        }
        return sb.ToString();
    }

    public JsonObject Json() => new()
    {
        ["rule"] = Rule,
        ["verdict"] = Verdicts.Name(Verdict),
        ["statement"] = Statement,
        ["line"] = Line,
        ["detail"] = Detail,
        ["counterexample"] = Counterexample is { } c ? ReportWriter.CounterexampleJson(c, Statement) : null,
    };

    public static Finding FromJson(JsonNode? node, string file)
    {
        var c = node?["counterexample"];
        return new Finding(
            ReportJson.String(node, "rule", file),
            ReportJson.Verdict(node, "verdict", file),
            ReportJson.String(node, "statement", file),
            ReportJson.Int(node, "line", file),
            ReportJson.String(node, "detail", file),
            c is null ? null : new Counterexample(
                ReportJson.String(c, "string", file), ReportJson.Strings(c, "refinedPatterns", file),
                ReportJson.Strings(c, "originalPatterns", file), ReportJson.String(c, "explanation", file)));
    }
}
