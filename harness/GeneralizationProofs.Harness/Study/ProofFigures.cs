namespace GeneralizationProofs.Harness.Study;

/// <summary>A strategy's claimed properties, proved on a sample of the corpus.</summary>
/// <param name="Failed">refinements that gave no result (an exec: strategy's error, crash or time-out): never proved.</param>
public sealed record ProofFigures(string Strategy, string Folder, int Policies, int Proved, int Refuted, int Unknown, double Seconds,
    int Failed = 0);
