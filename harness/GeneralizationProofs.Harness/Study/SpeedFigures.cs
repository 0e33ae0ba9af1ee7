namespace GeneralizationProofs.Harness.Study;

/// <summary>One strategy's refinement time on the same policies as every other strategy, in one sequential run.</summary>
/// <param name="Policies">the policies every strategy answered: the only ones timed, so that totals compare.</param>
/// <param name="Failed">the policies this strategy gave no result for (error, crash, time-out).</param>
public sealed record SpeedFigures(string Strategy, string Folder, int Policies, double TotalMilliseconds, double MedianMilliseconds,
    int Failed = 0);
