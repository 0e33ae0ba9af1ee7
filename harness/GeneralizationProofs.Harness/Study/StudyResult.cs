namespace GeneralizationProofs.Harness.Study;

/// <param name="Unreadable">policies that could not be read (not counted anywhere).</param>
/// <param name="Failures">per strategy and folder, the refinements that gave no result (<see cref="FailureFigures"/>).</param>
/// <param name="FailureMessages">what each failed refinement answered, by strategy, policy and catalog.</param>
public sealed record StudyResult(
    IReadOnlyList<string> Strategies,
    IReadOnlyList<string> CatalogDates,
    IReadOnlyList<SizeFigures> Size,
    IReadOnlyList<FutureFigures> Future,
    IReadOnlyList<string> Unreadable,
    double UnusedRate,
    int Seed,
    int Sample,
    IReadOnlyList<FailureFigures>? Failures = null,
    IReadOnlyList<string>? FailureMessages = null);
