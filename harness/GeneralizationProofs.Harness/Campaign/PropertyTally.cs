namespace GeneralizationProofs.Harness.Campaign;

public sealed record PropertyTally(string Property, int Cases, int Holds, int Fails, int Unknown, double Seconds);
