namespace GeneralizationProofs.Verification.Checks;

/// <summary>One finding of a split proof: a statement group's verdict, with the string one side grants and the other not.</summary>
public sealed record SplitFinding(string Group, Verdict Verdict, string Detail);
