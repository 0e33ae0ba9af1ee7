namespace GeneralizationProofs.Harness.Study;

/// <summary>
/// Future permissiveness of one strategy (or of the original policies) on one folder: refined with the catalog of
/// <see cref="BaseDate"/>, the actions of the <see cref="LaterDate"/> catalog that the output grants although the
/// kept set did not contain them (actions the original names literally are not counted: they were asked for).
/// </summary>
public sealed record FutureFigures(string Strategy, string Folder, string BaseDate, string LaterDate, long Actions);
