namespace GeneralizationProofs.Harness.Study;

public sealed record StudyResult(
    IReadOnlyList<string> Strategies,
    IReadOnlyList<string> CatalogDates,
    IReadOnlyList<SizeFigures> Size,
    IReadOnlyList<FutureFigures> Future,
    IReadOnlyList<string> Unreadable,
    double UnusedRate,
    int Seed,
    int Sample);
