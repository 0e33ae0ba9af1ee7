using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using GeneralizationProofs.Policy;
using GeneralizationProofs.Verification;

namespace GeneralizationProofs.Harness.Compare;

/// <summary>The corpus comparison's summary: text, summary.json and junit.xml (right wider is a failure with --fail-on wider).</summary>
public sealed class ComparisonSummary(string left, string right, IReadOnlyList<ComparedPolicy> policies, double seconds)
{
    public string Left => left;
    public string Right => right;
    public IReadOnlyList<ComparedPolicy> Policies => policies;
    public double Seconds => seconds;

    public int Count(Relation relation) => policies.Count(p => p.Relation == relation);

    public int Changed => policies.Count(p => p.Relation != Relation.Equal);

    /// <summary>Changed policies, the biggest difference first (catalog and future actions on one side only).</summary>
    public IEnumerable<ComparedPolicy> Biggest => policies.Where(p => p.Relation != Relation.Equal)
        .OrderByDescending(p => p.Comparison?.Size ?? int.MaxValue).ThenBy(p => p.File, StringComparer.Ordinal);

    public static bool Wider(Relation relation) => relation is Relation.RightWider or Relation.Incomparable;

    public Verdict Verdict(bool failOnWider) => failOnWider && policies.Any(p => Wider(p.Relation)) ? Verification.Verdict.Refuted
        : policies.Any(p => p.Relation == Relation.Unknown) ? Verification.Verdict.Unknown : Verification.Verdict.Proved;

    public string Text(int top = 20)
    {
        var sb = new StringBuilder();
        sb.Append($"compare: left '{left}' vs right '{right}', {policies.Count} policies in {seconds:F1} s\n");
        sb.Append($"changed {Changed}: right wider (left ⊂ right) {Count(Relation.RightWider)}, right narrower (right ⊂ left) "
            + $"{Count(Relation.LeftWider)}, incomparable {Count(Relation.Incomparable)}, unknown {Count(Relation.Unknown)}; "
            + $"equal {Count(Relation.Equal)}\n");
        foreach (var p in Biggest.Take(top))
        {
            var c = p.Comparison;
            sb.Append(c is null
                ? $"  unknown: {p.Name}: {p.Problem}\n"
                : $"  {PolicyComparison.Name(c.Relation)}: {p.Name}: catalog left only {c.LeftOnlyCatalog.Count}, right only "
                  + $"{c.RightOnlyCatalog.Count}; future left only {c.Future.Sum(f => f.LeftOnly)}, "
                  + $"right only {c.Future.Sum(f => f.RightOnly)}\n");
        }
        return sb.ToString();
    }

    public string Json() => PolicyDocument.Write(new JsonObject
    {
        ["left"] = left,
        ["right"] = right,
        ["policies"] = policies.Count,
        ["changed"] = Changed,
        ["rightWider"] = Count(Relation.RightWider),
        ["rightNarrower"] = Count(Relation.LeftWider),
        ["incomparable"] = Count(Relation.Incomparable),
        ["unknown"] = Count(Relation.Unknown),
        ["equal"] = Count(Relation.Equal),
        ["seconds"] = Math.Round(seconds, 1),
        ["changedPolicies"] = new JsonArray(Biggest.Select(p => (JsonNode)(p.Comparison is { } c
            ? ComparisonText.JsonOf(c).Also(o => o["file"] = p.File)
            : new JsonObject { ["file"] = p.File, ["policy"] = p.Name, ["relation"] = "unknown", ["problem"] = p.Problem })).ToArray()),
    });

    public string Junit(bool failOnWider)
    {
        var cases = policies.Select(p =>
        {
            var element = new XElement("testcase", new XAttribute("classname", "compare"), new XAttribute("name", p.File),
                new XAttribute("time", (p.Comparison?.Seconds ?? 0).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
            if (p.Relation == Relation.Unknown)
            {
                element.Add(new XElement("error", new XAttribute("message", p.Problem ?? "unknown"),
                    p.Comparison is { } c ? ComparisonText.Text(c) : ""));
            }
            else if (failOnWider && Wider(p.Relation))
            {
                var message = $"right grants what left did not: {PolicyComparison.Name(p.Relation)}";
                element.Add(new XElement("failure", new XAttribute("message", message),
                    ComparisonText.Text(p.Comparison!)));
            }
            return element;
        }).ToList();
        var suite = new XElement("testsuite", new XAttribute("name", $"compare {left} vs {right}"), new XAttribute("tests", cases.Count),
            new XAttribute("failures", failOnWider ? policies.Count(p => Wider(p.Relation)) : 0),
            new XAttribute("errors", Count(Relation.Unknown)), cases);
        return new XDocument(new XElement("testsuites", suite)).ToString() + "\n";
    }
}
