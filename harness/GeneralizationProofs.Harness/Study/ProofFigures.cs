namespace GeneralizationProofs.Harness.Study;

/// <summary>A strategy's claimed properties, proved on a sample of the corpus.</summary>
public sealed record ProofFigures(string Strategy, string Folder, int Policies, int Proved, int Refuted, int Unknown, double Seconds);
