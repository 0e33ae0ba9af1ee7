namespace GeneralizationProofs.Verification.Checks;

/// <summary>A concrete string that breaks a property, with the patterns involved on each side.</summary>
public sealed record Counterexample(
    string Action, IReadOnlyList<string> RefinedPatterns, IReadOnlyList<string> OriginalPatterns, string Explanation);
