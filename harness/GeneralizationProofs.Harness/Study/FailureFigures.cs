namespace GeneralizationProofs.Harness.Study;

/// <summary>
/// One strategy's refinements that gave no result on one folder, over every catalog: answered an error or crashed,
/// ran out of time, or were not asked because the same policy had already run out of time under an earlier catalog
/// (a policy too slow once is too slow again: recorded, not retried). Such refinements are left out of every other row.
/// </summary>
public sealed record FailureFigures(string Strategy, string Folder, int Requests, int Failed, int TimedOut, int NotSent);
