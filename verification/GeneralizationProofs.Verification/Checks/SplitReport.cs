using GeneralizationProofs.Policy;

namespace GeneralizationProofs.Verification.Checks;

/// <summary>The verdict on a split: every group's, every part's size, and what was found.</summary>
public sealed record SplitReport(Verdict Verdict, IReadOnlyList<SplitFinding> Findings, IReadOnlyList<SizeReport> Sizes, int Queries)
{
    public string Text()
    {
        var lines = new List<string> { $"split into {Sizes.Count} part(s): {Verdicts.Name(Verdict)}" };
        lines.AddRange(Sizes.Select((s, i) => $"  part {i + 1}: {s.Note}"));
        lines.AddRange(Findings.Where(f => f.Verdict != Verdict.Proved || Findings.Count <= 20)
            .Select(f => $"  {f.Group}: {Verdicts.Name(f.Verdict)}: {f.Detail}"));
        return string.Join("\n", lines) + "\n";
    }
}
