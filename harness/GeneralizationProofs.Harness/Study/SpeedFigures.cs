namespace GeneralizationProofs.Harness.Study;

/// <summary>One strategy's refinement time on the same policies as every other strategy, in one sequential run.</summary>
public sealed record SpeedFigures(string Strategy, string Folder, int Policies, double TotalMilliseconds, double MedianMilliseconds);
