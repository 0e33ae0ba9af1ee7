namespace GeneralizationProofs.Verification.Checks;

/// <summary>
/// One line of a property's evidence, as fields and as prose: the refined pattern (or M3's pair of kept actions) it is
/// about, the candidate judged in its place (M1's coarser prefix, M3's merged prefix; none for M2), the witness string
/// that rules the candidate out or shows the pattern is needed, and the sentence the text report prints.
/// </summary>
public sealed record Evidence(string Subject, string? Candidate, string? Witness, string Text)
{
    public override string ToString() => Text;
}
