using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneralizationProofs.Generalization;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;
using GeneralizationProofs.Verification.Checks;

namespace GeneralizationProofs.Harness.Reports;

/// <summary>Verification reports as a readable table (counterexamples in full) or as JSON.</summary>
public static class ReportWriter
{
    public static string Text(VerificationReport report, bool withEvidence = true)
    {
        var sb = new StringBuilder();
        sb.Append($"Verification of {report.Policy}: strategy '{report.Strategy}', {report.Solver}, catalog {report.Catalog}\n");
        sb.Append($"{"property",-20} {"claimed",-9} {"verdict",-9} {"queries",8} {"time",10}\n");
        foreach (var p in report.Properties)
        {
            var claimed = p.Claimed ? "yes" : "no (measured)";
            sb.Append($"{PropertyKinds.Label(p.Property),-20} {claimed,-9} {Verdicts.Name(p.Verdict),-9} ")
              .Append($"{p.Queries,8} {p.Milliseconds,8:F0} ms\n");
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
                    var heading = p.Claimed ? "COUNTEREXAMPLE" : "measured, not claimed";
                    AppendCounterexample(sb, heading, PropertyKinds.Name(p.Property), s.Statement, c);
                }
                if (s.Verdict == Verdict.Unknown)
                {
                    sb.Append($"UNKNOWN [{PropertyKinds.Name(p.Property)}] {s.Statement}: {s.Reason}\n");
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
        sb.Append(report.Verdict switch
        {
            Verdict.Proved when report.GrantsUnused
                => "RESULT: every claimed property PROVED, but unused actions remain granted (sound not claimed)\n",
            Verdict.Proved => "RESULT: every claimed property PROVED\n",
            Verdict.Refuted => "RESULT: REFUTED (see the counterexamples above)\n",
            _ => "RESULT: UNKNOWN: not proved (see the reasons above)\n",
        });
        return sb.ToString();
    }

    /// <summary>A counterexample as the text report shows it: the explanation, the string, and the patterns on each side.</summary>
    public static void AppendCounterexample(StringBuilder sb, string heading, string property, string statement, Counterexample c)
    {
        sb.Append($"{heading} [{property}] {statement}: {c.Explanation}\n");
        sb.Append($"    string: \"{c.Action}\"\n");
        if (c.RefinedPatterns.Count > 0)
        {
            sb.Append($"    refined side: {string.Join(", ", c.RefinedPatterns.Take(12))}")
              .Append($"{(c.RefinedPatterns.Count > 12 ? ", ..." : "")}\n");
        }
        if (c.OriginalPatterns.Count > 0)
        {
            sb.Append($"    original side: {string.Join(", ", c.OriginalPatterns.Take(12))}")
              .Append($"{(c.OriginalPatterns.Count > 12 ? ", ..." : "")}\n");
        }
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
        // The lists come from the matcher; if the solver proved sound anyway, the two disagree (Unknown): say so.
        if (report.GrantsUnused && report.Properties.Any(p => p.Property == PropertyKind.Sound && p.Verdict != Verdict.Refuted))
        {
            sb.Append("UNKNOWN [sound]: the matcher finds unused actions still granted (above) but the solver did not refute sound\n");
        }
    }

    public static string Json(VerificationReport report) => PolicyDocument.Write(JsonNode(report));

    /// <summary>The report with the split check beside it (<c>verify --split-parts</c>): one JSON document, not two.</summary>
    public static string Json(VerificationReport report, SplitReport split)
    {
        var root = JsonNode(report);
        root["split"] = new JsonObject
        {
            ["verdict"] = Verdicts.Name(split.Verdict),
            ["queries"] = split.Queries,
            ["parts"] = new JsonArray(split.Sizes.Select(s => (JsonNode)new JsonObject
            {
                ["characters"] = s.Characters, ["limit"] = s.Limit, ["policyType"] = s.TypeName,
            }).ToArray()),
            ["findings"] = new JsonArray(split.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["group"] = f.Group, ["verdict"] = Verdicts.Name(f.Verdict), ["detail"] = f.Detail,
            }).ToArray()),
        };
        return PolicyDocument.Write(root);
    }

    /// <summary>The report as JSON: camelCase keys, verdicts in lower case, counterexamples as structured fields.</summary>
    public static JsonObject JsonNode(VerificationReport report) => new()
    {
        ["policy"] = report.Policy,
        ["strategy"] = report.Strategy,
        ["solver"] = report.Solver,
        ["catalog"] = report.Catalog,
        ["verdict"] = Verdicts.Name(report.Verdict),
        ["structureProblems"] = Strings(report.StructureProblems),
        ["accounting"] = new JsonArray((report.Accounting ?? []).Select(a => (JsonNode)new JsonObject
        {
            ["subject"] = a.Subject,
            ["status"] = JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()),
            ["detail"] = a.Detail,
            ["stillGrantedUnused"] = Strings(a.StillGranted),
        }).ToArray()),
        ["properties"] = new JsonArray(report.Properties.Select(p => (JsonNode)new JsonObject
        {
            ["property"] = PropertyKinds.Name(p.Property),
            ["claimed"] = p.Claimed,
            ["verdict"] = Verdicts.Name(p.Verdict),
            ["queries"] = p.Queries,
            ["milliseconds"] = Math.Round(p.Milliseconds, 1),
            ["statements"] = new JsonArray(p.Statements.Select(s => (JsonNode)new JsonObject
            {
                ["statement"] = s.Statement,
                ["verdict"] = Verdicts.Name(s.Verdict),
                ["queries"] = s.Queries,
                ["reason"] = s.Reason,
                ["counterexample"] = s.Counterexample is { } c ? CounterexampleJson(c, s.Statement) : null,
                ["evidence"] = new JsonArray((s.Evidence ?? []).Select(e => (JsonNode)new JsonObject
                {
                    ["subject"] = e.Subject, ["candidate"] = e.Candidate, ["witness"] = e.Witness, ["text"] = e.Text,
                }).ToArray()),
            }).ToArray()),
        }).ToArray()),
    };

    public static JsonObject CounterexampleJson(Counterexample c, string statement) => new()
    {
        ["string"] = c.Action,
        ["statement"] = statement,
        ["refinedPatterns"] = Strings(c.RefinedPatterns),
        ["originalPatterns"] = Strings(c.OriginalPatterns),
        ["explanation"] = c.Explanation,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
