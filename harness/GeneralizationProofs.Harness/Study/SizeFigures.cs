namespace GeneralizationProofs.Harness.Study;

/// <summary>One strategy's figures on one policy folder, refined against the newest catalog.</summary>
public sealed record SizeFigures(
    string Strategy, string Folder, int Policies, long Patterns, long Characters, int OverLimit, double RefineMilliseconds,
    int OverAfterSplit = 0, int SplitParts = 0);
