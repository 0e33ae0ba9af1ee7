using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Verification;

/// <summary>Verification reports as a readable table (counterexamples in full) or as JSON.</summary>
public static class ReportWriter
{
    public static string PropertyName(PropertyKind property) => property switch
    {
        PropertyKind.Sound => "sound",
        PropertyKind.NoEscalation => "no-escalation",
        PropertyKind.Complete => "complete",
        PropertyKind.Maximal => "maximal",
        PropertyKind.NonRedundant => "non-redundant",
        PropertyKind.MinimumSize => "minimum-size",
        _ => property.ToString(),
    };

    public static PropertyKind? ParseProperty(string name) =>
        PolicyVerifier.Order.Cast<PropertyKind?>().FirstOrDefault(p => PropertyName(p!.Value) == name.Trim());

    private static string Label(PropertyKind property) => property switch
    {
        PropertyKind.Maximal => "maximal (M1)",
        PropertyKind.NonRedundant => "non-redundant (M2)",
        PropertyKind.MinimumSize => "minimum-size (M3)",
        _ => PropertyName(property),
    };

    public static string Text(VerificationReport report, bool withEvidence = true)
    {
        var sb = new StringBuilder();
        sb.Append($"Verification of {report.Policy}: strategy '{report.Strategy}', {report.Solver}, catalog {report.Catalog}\n");
        sb.Append($"{"property",-20} {"claimed",-9} {"outcome",-9} {"queries",8} {"time",10}\n");
        foreach (var p in report.Properties)
        {
            sb.Append($"{Label(p.Property),-20} {(p.Claimed ? "yes" : "no (measured)"),-9} {p.Outcome,-9} {p.Queries,8} {p.Milliseconds,8:F0} ms\n");
        }
        foreach (var problem in report.StructureProblems)
        {
            sb.Append($"STRUCTURE: {problem}\n");
        }
        foreach (var p in report.Properties)
        {
            foreach (var s in p.Statements)
            {
                if (s.Counterexample is { } c)
                {
                    sb.Append($"{(p.Claimed ? "COUNTEREXAMPLE" : "measured, not claimed")} [{PropertyName(p.Property)}] {s.Statement}: {c.Explanation}\n");
                    sb.Append($"    string: \"{c.Action}\"\n");
                    if (c.RefinedPatterns.Count > 0)
                    {
                        sb.Append($"    refined side: {string.Join(", ", c.RefinedPatterns.Take(12))}{(c.RefinedPatterns.Count > 12 ? ", ..." : "")}\n");
                    }
                    if (c.OriginalPatterns.Count > 0)
                    {
                        sb.Append($"    original side: {string.Join(", ", c.OriginalPatterns.Take(12))}{(c.OriginalPatterns.Count > 12 ? ", ..." : "")}\n");
                    }
                }
                if (s.Outcome == Outcome.Unknown)
                {
                    sb.Append($"UNKNOWN [{PropertyName(p.Property)}] {s.Statement}: {s.Reason}\n");
                }
            }
        }
        Accounting(sb, report);
        if (withEvidence)
        {
            foreach (var p in report.Properties.Where(p => p.Property is PropertyKind.Maximal or PropertyKind.MinimumSize))
            {
                var lines = p.Statements.SelectMany(s => (s.Evidence ?? []).Select(e => $"    {s.Statement}: {e}")).ToList();
                if (lines.Count > 0)
                {
                    sb.Append($"{(p.Property == PropertyKind.Maximal ? "M1 witnesses" : "M3 certificate")}:\n");
                    foreach (var line in lines.Take(40))
                    {
                        sb.Append(line).Append('\n');
                    }
                    if (lines.Count > 40)
                    {
                        sb.Append($"    ... {lines.Count - 40} more (--format json has all)\n");
                    }
                }
            }
        }
        sb.Append(report.ExitCode switch
        {
            0 when report.GrantsUnused => "RESULT: every claimed property PROVED, but unused actions remain granted (sound not claimed)\n",
            0 => "RESULT: every claimed property PROVED\n",
            1 => "RESULT: REFUTED (see the counterexamples above)\n",
            _ => "RESULT: UNKNOWN: not proved (see the reasons above)\n",
        });
        return sb.ToString();
    }

    /// <summary>
    /// What the verdict covers, one line per statement and document-level key (spec §4): a reader sees what was
    /// proved unchanged or refined, what is a structure problem, what was left outside the check and why, and which
    /// unused actions a statement still grants.
    /// </summary>
    private static void Accounting(StringBuilder sb, VerificationReport report)
    {
        if (report.Accounting is not { Count: > 0 } accounts)
        {
            return;
        }
        sb.Append("what the verdict covers:\n");
        foreach (var account in accounts)
        {
            sb.Append($"  {account.Subject}: {account.Detail}\n");
            if (account.StillGranted.Count > 0)
            {
                var granted = account.StillGranted;
                var shown = string.Join(", ", granted.Take(20));
                var more = granted.Count > 20 ? $", ... ({granted.Count - 20} more; --format json lists all)" : "";
                sb.Append($"    STILL GRANTED unused: {shown}{more}\n");
            }
        }
        // The lists come from the matcher; if the solver proved sound anyway, the two engines disagree (exit 2): say so.
        if (report.GrantsUnused && report.Properties.Any(p => p.Property == PropertyKind.Sound && p.Outcome != Outcome.Refuted))
        {
            sb.Append("UNKNOWN [sound]: the matcher finds unused actions still granted (above) but the solver did not refute sound\n");
        }
    }

    public static string Json(VerificationReport report)
    {
        var root = new JsonObject
        {
            ["policy"] = report.Policy,
            ["strategy"] = report.Strategy,
            ["solver"] = report.Solver,
            ["catalog"] = report.Catalog,
            ["result"] = report.ExitCode switch { 0 => "proved", 1 => "refuted", _ => "unknown" },
            ["structureProblems"] = new JsonArray(report.StructureProblems.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["accounting"] = new JsonArray((report.Accounting ?? []).Select(a => (JsonNode)new JsonObject
            {
                ["subject"] = a.Subject,
                ["status"] = a.Status.ToString(),
                ["detail"] = a.Detail,
                ["stillGrantedUnused"] = new JsonArray(a.StillGranted.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
            }).ToArray()),
            ["properties"] = new JsonArray(report.Properties.Select(p => (JsonNode)new JsonObject
            {
                ["property"] = PropertyName(p.Property),
                ["claimed"] = p.Claimed,
                ["outcome"] = p.Outcome.ToString(),
                ["queries"] = p.Queries,
                ["milliseconds"] = Math.Round(p.Milliseconds, 1),
                ["statements"] = new JsonArray(p.Statements.Select(s => (JsonNode)new JsonObject
                {
                    ["statement"] = s.Statement,
                    ["outcome"] = s.Outcome.ToString(),
                    ["queries"] = s.Queries,
                    ["reason"] = s.Reason,
                    ["counterexample"] = s.Counterexample is { } c ? JsonSerializer.SerializeToNode(c) : null,
                    ["evidence"] = new JsonArray((s.Evidence ?? []).Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
                }).ToArray()),
            }).ToArray()),
        };
        return PolicyDocument.Write(root);
    }
}
